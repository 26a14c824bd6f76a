/**
 * The manifests' commands and environment, run for real on PostgreSQL: each migration Job's
 * command migrates a fresh database, then each Deployment's container starts from the image's
 * command with exactly the variables the manifests give it (Secrets and mounted files replaced
 * by test values, cluster DNS names by loopback addresses), its probes answer, and the pool
 * stays within DB_POOL_SIZE under concurrent load.
 */
import { execFile } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createTestDatabase, testDatabaseMode } from '@rekam/testing'
import t, { type Test } from 'tap'
import {
  ManagedProcess, baseEnv, client, ensureBuilt, freePort, repoPath, serviceDatabase, tempDir, type RunningService, type ServiceName,
} from '@rekam/testing/e2e'
import { containerEnv, containersOf, findObject, loadBase, type K8sObject } from './helpers/kubernetes.js'
import { dockerCmd, startCommand } from './helpers/start-command.js'

const { manifests } = loadBase()
const SECRETS = {
  'auth-service-env/DATABASE_URL': 'database:auth-service',
  'records-service-env/DATABASE_URL': 'database:records-service',
  'rekam-internal/INTERNAL_SECRET': randomBytes(32).toString('base64url'),
  'auth-service-env/MFA_ENCRYPTION_KEY': randomBytes(32).toString('base64url'),
  'records-service-env/PATIENT_DATA_KEY': randomBytes(32).toString('base64url'),
} as Record<string, string>

/** A container's environment with test values for what a cluster would provide. */
function runEnv (t: Test, workload: K8sObject, values: { databases: Record<string, string>, services: Record<string, string> }): Record<string, string> {
  const container = containersOf(workload)[0]!
  const env: Record<string, string> = {}
  for (const [name, source] of containerEnv(manifests, container)) {
    if (source.from !== 'secret') {
      env[name] = source.value
      continue
    }
    const value = SECRETS[`${source.secret}/${source.key}`]
    if (value === undefined && source.optional) continue
    t.ok(value !== undefined, `${workload.metadata.name}: the test has a value for Secret ${source.secret} key ${source.key}`)
    env[name] = value?.startsWith('database:') ? values.databases[value.slice(9)]! : value ?? ''
  }
  // Mounted Secret files: the same file names, in a folder of the test's.
  for (const mount of container.volumeMounts ?? []) {
    const volume = workload.spec.template.spec.volumes.find((v: { name: string }) => v.name === mount.name)
    if (!volume?.secret) continue
    const dir = tempDir(t, mount.name)
    for (const [name, value] of Object.entries(env)) {
      if (!value.startsWith(`${mount.mountPath}/`)) continue
      const file = join(dir, value.slice(mount.mountPath.length + 1))
      mkdirSync(join(file, '..'), { recursive: true })
      writeFileSync(file, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o440 })
      env[name] = file
    }
  }
  // Cluster DNS names of the Services -> the loopback address of the process standing in for it.
  for (const [name, value] of Object.entries(env)) {
    env[name] = value.replace(/^http:\/\/([a-z0-9-]+):(\d+)/, (url, host: string, port: string) => {
      const service = findObject(manifests, 'Service', host)
      return service?.spec.ports.some((p: { port: number }) => p.port === Number(port)) ? values.services[host] ?? url : url
    })
  }
  return env
}

t.test('the migration Jobs and the Deployments run as the manifests say', {
  skip: testDatabaseMode() === 'pglite' ? 'the manifests use PostgreSQL' : false,
}, async (t) => {
  ensureBuilt()
  const names: ServiceName[] = ['auth-service', 'records-service']
  const databases = Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await createTestDatabase(t, 'postgres')).url!])))
  // Each Service's stand-in address is known before either starts (records-service needs auth-service's).
  const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()])))
  const services = Object.fromEntries(names.map((n) => [n, `http://127.0.0.1:${ports[n]}`]))

  // Step 1: the Jobs' command, from the image's WORKDIR (/app holds what `pnpm deploy` puts there:
  // dist/, migrations/, node_modules/).
  await Promise.all(names.map(async (name) => {
    const job = manifests.map((m) => m.object).find((o) => o.kind === 'Job' && o.metadata.labels?.['app.kubernetes.io/name'] === name)!
    const [command, ...args] = containersOf(job)[0]!.command as string[]
    t.equal(command, 'node', `${name}: the Job runs node`)
    const { stdout } = await promisify(execFile)(process.execPath, args, {
      cwd: repoPath('services', name),
      env: { ...baseEnv(), ...runEnv(t, job, { databases, services }) },
      timeout: 60_000,
    })
    t.match(stdout, `${name}: migrations applied (postgres)`, `${name}: the Job's command migrates`)
  }))

  // Step 2: the Deployments' containers, both at once as in a rollout.
  await Promise.all(names.map(async (name) => {
    const deployment = findObject(manifests, 'Deployment', name)!
    const container = containersOf(deployment)[0]!
    t.notOk(container.command || container.args, `${name}: the Deployment runs the image's own command`)
    const command = startCommand(name)
    t.strictSame(dockerCmd(name), command, `${name}: which is the start script, ${command.join(' ')}`)
    const env = runEnv(t, deployment, { databases, services })
    const proc = new ManagedProcess(t, name, process.execPath, command.slice(1), {
      cwd: repoPath('services', name),
      // Loopback instead of the pod's 0.0.0.0; DATA_DIR unwritable, as /app is read-only in the pod.
      env: { ...baseEnv(), ...env, HOST: '127.0.0.1', PORT: String(ports[name]), DATA_DIR: '/proc/rekam-read-only' },
    })
    const url = services[name]!
    const ready = container.readinessProbe.httpGet.path
    await proc.waitFor(`${name} ready`, async () => (await fetch(`${url}${ready}`).catch(() => undefined))?.status === 200, 90_000, 200)
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      const res = await fetch(`${url}${container[probe].httpGet.path}`)
      t.equal(res.status, 200, `${name}: ${probe} ${container[probe].httpGet.path} answers 200`)
    }
    t.equal(env.DB_MIGRATE_ON_START, 'false', `${name} did not migrate itself: the Job had`)
  }))

  // The two pods work together as configured: records-service verifies auth-service's tokens.
  const registered = await client(services['auth-service']!).post('/api/auth/register', { username: 'k8scheck', email: 'k8s@example.test', password: 'velvet-harbor-quartz-19' })
  t.equal(registered.status, 201, 'auth-service registers (cost-12 bcrypt on its hashing threads)')
  const token = registered.body.data.tokens.accessToken
  const records = client(services['records-service']!)
  const listed = await records.get('/api/records', { token })
  t.strictSame([listed.status, listed.body.data?.total], [200, 0], 'records-service verifies it through the JWKS URL of the manifests')

  // The connection budget assumes a pod never holds more than DB_POOL_SIZE connections.
  const recordsEnv = containerEnv(manifests, containersOf(findObject(manifests, 'Deployment', 'records-service')!)[0]!)
  const poolSize = Number((recordsEnv.get('DB_POOL_SIZE') as { value: string }).value)
  // Only the URL of the database is read from this stand-in (a client of it, for the check).
  const sql = serviceDatabase(t, { name: 'records-service', databaseUrl: databases['records-service'] } as RunningService)
  let most = 0
  const load = { running: true }
  const sampler = (async () => {
    while (load.running) {
      const [row] = await sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`
      most = Math.max(most, row!.n)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })()
  const answers = await Promise.all(Array.from({ length: 60 }, () => records.get('/api/records', { token })))
  load.running = false
  await sampler
  t.strictSame(new Set(answers.map((a) => a.status)), new Set([200]), '60 concurrent reads all answered')
  t.ok(most > 1, `the load used several connections (${most})`)
  t.ok(most <= poolSize, `never more than DB_POOL_SIZE (${poolSize}) connections: at most ${most}`)
})
