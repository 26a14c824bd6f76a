/**
 * deploy/kubernetes/base/backup: each service's nightly pg_dump CronJob and the volume it writes
 * to. Checked as the other manifests are (strict schema, non-root, the Secrets the services read),
 * and run: the container's own script, with the pg_dump it names, against a migrated PostgreSQL
 * database, its file then restored by the service's `db:restore` into a fresh database.
 * kubernetes-overlay.test.ts renders them with the rest of the base (`kubectl kustomize`).
 */
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { createTestDatabase, testDatabaseMode } from '@rekam/testing'
import { freePort, repoPath, tempDir, type ServiceName } from '@rekam/testing/e2e'
import { containersOf, findObject, loadBase, readYaml, schemaErrors, type K8sObject } from './helpers/kubernetes.js'
import { run, runScript, type Run } from './helpers/service-scripts.js'

const { manifests } = loadBase()
const SERVICES = [['auth-service', 'auth'], ['records-service', 'records']] as const
const cronJob = (service: ServiceName) => findObject(manifests, 'CronJob', `${service}-backup`)!
const podOf = (job: K8sObject) => job.spec.jobTemplate.spec.template.spec
const volume = findObject(manifests, 'PersistentVolumeClaim', 'rekam-backups')

/** The backup container's script as the container runs it (`/bin/sh -ec <script>`), its volume at `backups`. */
function runBackup (service: ServiceName, backups: string, env: Record<string, string>): Promise<Run> {
  const container = podOf(cronJob(service)).containers[0]
  const mountPath = container.volumeMounts[0].mountPath as string
  const script = (container.args[0] as string).replaceAll(mountPath, backups)
  const keepDays = container.env.find((e: { name: string }) => e.name === 'BACKUP_KEEP_DAYS').value as string
  return run(container.command[0], [...container.command.slice(1), script], { env: { BACKUP_KEEP_DAYS: keepDays, ...env } })
}

/** The tables of a database and the rows of its migration history, to compare a restore with (psql). */
async function contents (url: string): Promise<{ tables: string[], migrations: string[] }> {
  const query = async (sql: string) => {
    const result = await run('psql', [url, '-XAtc', sql], { env: {} })
    if (result.code !== 0) throw new Error(`psql: ${result.stderr}`)
    return result.stdout.trim().split('\n').filter(Boolean)
  }
  const tables = await query("select schemaname || '.' || tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1")
  const history = tables.find((name) => /^drizzle\.\w+_migrations$/.test(name))
  return { tables, migrations: history ? await query(`select hash from ${history} order by id`) : [] }
}

t.test('the CronJobs and their volume validate strictly against the Kubernetes API schema', async (t) => {
  t.ok(volume, 'the base has the rekam-backups PersistentVolumeClaim')
  t.strictSame(schemaErrors(volume), [])
  for (const [service] of SERVICES) {
    t.ok(cronJob(service), `${service}-backup is in the base`)
    t.strictSame(schemaErrors(cronJob(service)), [], `${service}-backup`)
  }
})

t.test('each dumps its own service\'s database with db:backup\'s flags, with a pg_dump as new as the server', async (t) => {
  const compose = readYaml<{ services: { postgres: { image: string } } }>(repoPath('docker-compose.yml'))
  const serverMajor = /^postgres:(\d+)/.exec(compose.services.postgres.image)?.[1]
  for (const [service, short] of SERVICES) {
    const job = cronJob(service)
    const migrate = findObject(manifests, 'Job', `${service}-migrate`)!
    const [container] = podOf(job).containers
    t.equal(podOf(job).containers.length, 1)
    t.equal(container.image, `postgres:${serverMajor}-alpine`, `${service}: the PostgreSQL image of the server's version (${compose.services.postgres.image})`)
    t.strictSame(container.command, ['/bin/sh', '-ec'], 'a shell that stops at the first failure')
    t.match(container.args[0], 'pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" --dbname="$DATABASE_URL"', 'db:backup\'s flags (packages/db, postgres-backup.ts)')
    t.match(container.args[0], `/backups/${short}`, 'into the service\'s own folder')
    t.strictSame(container.env.find((e: { name: string }) => e.name === 'DATABASE_URL'), containersOf(migrate)[0]!.env.find((e: { name: string }) => e.name === 'DATABASE_URL'), 'the DATABASE_URL Secret the service\'s migration Job reads')
    t.equal(job.spec.concurrencyPolicy, 'Forbid', 'never two dumps of one database at once')
    t.equal(podOf(job).restartPolicy, 'Never')
    t.ok(job.spec.jobTemplate.spec.activeDeadlineSeconds > 0, 'a hung dump ends')
  }
  t.not(cronJob('auth-service').spec.schedule, cronJob('records-service').spec.schedule, 'one after the other on the shared volume')
})

t.test('they mount the backup volume and run as the image\'s non-root user, restricted', async (t) => {
  for (const [service] of SERVICES) {
    const pod = podOf(cronJob(service))
    const [container] = pod.containers
    t.strictSame(pod.volumes, [{ name: 'backups', persistentVolumeClaim: { claimName: 'rekam-backups' } }], `${service}: the rekam-backups claim`)
    t.strictSame(container.volumeMounts, [{ name: 'backups', mountPath: '/backups' }])
    t.equal(pod.automountServiceAccountToken, false)
    t.match(pod.securityContext, { runAsNonRoot: true, runAsUser: 70, runAsGroup: 70, fsGroup: 70, seccompProfile: { type: 'RuntimeDefault' } }, 'the postgres user of the Alpine image; the volume writable to its group')
    t.strictSame(container.securityContext, { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } })
  }
})

t.test('the script, run: a dump db:restore reads, old dumps pruned, nothing left by a failure', { skip: testDatabaseMode() === 'pglite' && 'needs PostgreSQL' }, async (t: Test) => {
  for (const [service, short] of SERVICES) {
    const source = await createTestDatabase(t, 'postgres')
    const migrated = await runScript(service, 'db:migrate', [], { DATABASE_URL: source.url!, DATA_DIR: 'memory://' })
    t.equal(migrated.code, 0, `${service}: db:migrate (${migrated.stderr.trim()})`)
    const backups = tempDir(t, `${short}-backups`)

    // A dump older than BACKUP_KEEP_DAYS (14) goes; a recent one stays.
    const folder = join(backups, short)
    mkdirSync(folder, { recursive: true })
    const old = join(folder, `${short}-2000-01-01T013000Z.dump`)
    const recent = join(folder, `${short}-recent.dump`)
    for (const [file, days] of [[old, 30], [recent, 2]] as const) {
      writeFileSync(file, 'an earlier dump')
      const when = (Date.now() - days * 86_400_000) / 1000
      utimesSync(file, when, when)
    }

    const result = await runBackup(service, backups, { DATABASE_URL: source.url! })
    t.equal(result.code, 0, `${service}: the backup exits 0 (${result.stderr.trim()})`)
    const made = readdirSync(folder).filter((f) => /^\w+-\d{4}-\d\d-\d\dT\d{6}Z\.dump$/.test(f) && join(folder, f) !== old)
    t.equal(made.length, 1, `one new dump (${readdirSync(folder).join(', ')})`)
    t.strictSame(result.stdout.trim().split('\n'), [`${service}: backed up to ${join(folder, made[0]!)} (${result.stdout.match(/\((\d+) KiB\)/)?.[1]} KiB)`], 'one line saying where')
    t.equal(result.stderr.trim(), '', 'nothing on stderr')
    t.notOk(existsSync(old), 'the 30-day-old dump is pruned')
    t.ok(existsSync(recent), 'the recent one is kept')

    const target = await createTestDatabase(t, 'postgres')
    const restored = await runScript(service, 'db:restore', ['--file', join(folder, made[0]!)], { DATABASE_URL: target.url!, DATA_DIR: 'memory://' })
    t.equal(restored.code, 0, `${service}: db:restore reads the CronJob's dump (${restored.stderr.trim()})`)
    const [before, after] = await Promise.all([contents(source.url!), contents(target.url!)])
    t.ok(before.migrations.length > 0 && before.tables.length > 5, `the source holds the service's tables (${before.tables.length}) and history`)
    t.strictSame(after, before, 'the restored database holds the same tables and migration history')

    // PostgreSQL unreachable: a failed run, no partial file, the kept dumps untouched.
    const down = await runBackup(service, backups, { DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/${short}` })
    t.not(down.code, 0, 'an unreachable database fails the run (the Job retries, then reports it)')
    t.strictSame(readdirSync(folder).sort(), [made[0]!, `${short}-recent.dump`].sort(), 'no .partial file, nothing pruned')
  }
})
