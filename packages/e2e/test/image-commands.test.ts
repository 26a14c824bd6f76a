import { execFile, execFileSync } from 'node:child_process'
import { createPublicKey, generateKeyPairSync } from 'node:crypto'
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createTestDatabase, testDatabaseMode } from '@rekam/testing'
import t, { type Test } from 'tap'
import { client, ManagedProcess, baseEnv, freePort, ensureBuilt, pnpmCommand, repoRoot, tempDir, type ServiceName } from '@rekam/testing/e2e'
import { asImageUser, canSwitchUser, documentedKey, IMAGE_UID, openDir } from './helpers/image-user.js'
import { dockerDeploy, startCommand } from './helpers/start-command.js'

/**
 * What the Dockerfiles do, without Docker: `pnpm deploy --prod` of each built service, then
 * the image's command (the start script, `node <heap flags> dist/server.js`) from that folder in
 * production mode against PostgreSQL; auth-service as the image's user (uid 1000, when the test
 * runs as root) with the signing key made the documented way.
 */
const DEV_ONLY = ['typescript', 'tsx', 'tap', 'drizzle-kit', 'eslint', '@types']
/** jose is a test tool of auth-service, but records-service signs records with it at run time. */
const DEV_ONLY_OF = { auth: [...DEV_ONLY, 'jose'], records: DEV_ONLY }
const SECRET = 'image-commands-internal-secret-0123456789'

async function deploy (t: Test, service: ServiceName): Promise<string> {
  const dir = openDir(t, service)
  // As the Dockerfile's build stage: a lockfile of the deploy's own, made from the workspace's
  // (no registry lookups: the workspace's install put every package in the store).
  await promisify(execFile)(...pnpmCommand([...dockerDeploy(service), join(dir, 'out')]), {
    cwd: repoRoot,
    env: process.env,
    timeout: 180_000,
  })
  // And as its runtime stage, a copy (COPY --from=build): the deploy hard-links files of the store
  // and of the checkout's own packages, which the image's user must not be given.
  cpSync(join(dir, 'out'), join(dir, 'app'), { recursive: true, verbatimSymlinks: true })
  return join(dir, 'app')
}

async function start (t: Test, service: ServiceName, dir: string, env: Record<string, string>, asUser = false) {
  const database = await createTestDatabase(t, 'postgres')
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // The image copies the app owned by its user (COPY --chown) and runs as that user.
  if (asUser) execFileSync('chown', ['-R', `${IMAGE_UID}:${IMAGE_UID}`, dir])
  const [command, ...args] = asUser ? ['setpriv', ...asImageUser(startCommand(service))] : [process.execPath, ...startCommand(service).slice(1)]
  const proc = new ManagedProcess(t, service, command!, args, {
    cwd: dir,
    env: { ...baseEnv(), NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: database.url!, INTERNAL_SECRET: SECRET, MFA_ENCRYPTION_KEY: SECRET, PATIENT_DATA_KEY: SECRET, LOG_LEVEL: 'warn', ...env },
  })
  await proc.waitFor(`${service} ready`, async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200, 90_000, 200)
  if (asUser) t.equal(readFileSync(`/proc/${proc.child.pid}/status`, 'utf8').match(/^Uid:\s+(\d+)/m)?.[1], IMAGE_UID, `${service} runs as uid ${IMAGE_UID}`)
  return url
}

t.test('the image commands: production dependencies only, compiled JavaScript, real start', {
  skip: testDatabaseMode() === 'pglite' ? 'production mode needs PostgreSQL' : false,
}, async (t) => {
  ensureBuilt()
  const [authDir, recordsDir] = await Promise.all([deploy(t, 'auth-service'), deploy(t, 'records-service')])

  for (const [dir, devOnly] of [[authDir, DEV_ONLY_OF.auth], [recordsDir, DEV_ONLY_OF.records]] as const) {
    t.ok(existsSync(join(dir, 'dist', 'server.js')), 'compiled entry point')
    t.ok(existsSync(join(dir, 'migrations', 'meta', '_journal.json')), 'migrations shipped')
    t.notOk(existsSync(join(dir, 'src')), 'no TypeScript sources')
    const installed = readdirSync(join(dir, 'node_modules'))
    t.strictSame(devOnly.filter((name) => installed.includes(name)), [], 'no development dependencies (no TypeScript compiler at run time)')
    // scripts/bundle-server.mjs: one module; what it leaves out is imported by name from node_modules.
    const entry = readFileSync(join(dir, 'dist', 'server.js'), 'utf8')
    const imported = [...entry.matchAll(/^import\b[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!).filter((name) => !isBuiltin(name))
    t.strictSame(imported.filter((name) => name.startsWith('.') || name.startsWith('@rekam/')), [], 'dist/server.js is bundled: no module of its own or of the workspace imported')
    const external = [...new Set(imported.map((name) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/')))].sort()
    t.ok(external.length > 0 && external.every((name) => existsSync(join(dir, 'node_modules', name, 'package.json'))), `what it leaves out is installed: ${external.join(', ')}`)
  }

  const keyFile = canSwitchUser ? documentedKey(t).mountedPath : join(tempDir(t, 'key'), 'jwt-private.pem')
  if (!canSwitchUser) writeFileSync(keyFile, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
  const authUrl = await start(t, 'auth-service', authDir, { JWT_PRIVATE_KEY_FILE: keyFile, HOME: authDir }, canSwitchUser)
  const jwks = await (await fetch(`${authUrl}/.well-known/jwks.json`)).json() as { keys: Array<{ n?: string }> }
  t.ok(jwks.keys.some((k) => k.n === createPublicKey(readFileSync(keyFile)).export({ format: 'jwk' }).n), 'auth-service signs with the key it was given')
  const recordsUrl = await start(t, 'records-service', recordsDir, {
    AUTH_JWKS_URL: `${authUrl}/.well-known/jwks.json`,
    AUTH_REVOCATIONS_URL: `${authUrl}/internal/revocations`,
  })

  const auth = client(authUrl)
  const registered = await auth.post('/api/auth/register', { username: 'imagecheck', email: 'image@example.test', password: 'velvet-harbor-quartz-19' })
  t.equal(registered.status, 201)
  const token = registered.body.data.tokens.accessToken
  const records = await client(recordsUrl).get('/api/records', { headers: { authorization: `Bearer ${token}` } })
  t.strictSame([records.status, records.body.data.total], [200, 0], 'records-service verifies auth-service tokens through the JWKS')
  const forged = await client(authUrl).get('/api/auth/me', { headers: { authorization: 'Bearer a.b.c' } })
  t.strictSame([forged.status, forged.body.error.code], [401, 'TOKEN_INVALID'])

  // The first admin, as `docker compose run --rm auth-service node dist/scripts/admin-create.js` makes it.
  const adminDatabase = await createTestDatabase(t, 'postgres')
  const made = await promisify(execFile)(process.execPath, ['dist/scripts/admin-create.js', '--email', 'first@example.test', '--username', 'firstadmin', '--name', 'First Admin'], {
    cwd: authDir,
    env: { ...baseEnv(), NODE_ENV: 'production', DATABASE_URL: adminDatabase.url!, PUBLIC_URL: 'https://clinic.example' },
  })
  t.match(made.stdout, /^https:\/\/clinic\.example\/set-password#token=[A-Za-z0-9_-]{43}\n$/, 'admin:create runs from the image')
})
