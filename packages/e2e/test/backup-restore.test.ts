/**
 * db:backup and db:restore (packages/db, database-tool.ts) on PostgreSQL, through each service's
 * own script, as its package.json runs it: data made through the built services (accounts,
 * records, access log rows), backed up, restored into fresh databases, and served the same by
 * services started on them. The embedded database's side is backup-restore-pglite.test.ts.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { createTestDatabase, testDatabaseMode } from '@rekam/testing'
import { DEMO, client, ensureBuilt, freePort, startService, tempDir } from '@rekam/testing/e2e'
import { oneLine, runScript } from './helpers/service-scripts.js'

const PASSWORD_CANARY = 'backup-password-canary'

/** The URL with a password: the test server trusts local connections and ignores it, the tools must not print it. */
function withPassword (url: string): string {
  const parsed = new URL(url)
  parsed.password = PASSWORD_CANARY
  return parsed.toString()
}

t.before(() => { for (const note of ensureBuilt()) t.comment(note) })

t.test('PostgreSQL: a restored database serves the same accounts, records and access log', { skip: testDatabaseMode() === 'pglite' && 'needs PostgreSQL' }, async (t) => {
  const secret = 'backup-restore-internal-secret-0123456789'
  const authPort = await freePort()
  const jwks = { AUTH_JWKS_URL: `http://127.0.0.1:${authPort}/.well-known/jwks.json`, AUTH_REVOCATIONS_URL: `http://127.0.0.1:${authPort}/internal/revocations`, INTERNAL_SECRET: secret }
  const auth = await startService(t, 'auth-service', { INTERNAL_SECRET: secret }, authPort)
  const records = await startService(t, 'records-service', jwks)
  if (!auth.databaseUrl || !records.databaseUrl) throw new Error('the services run on PGlite')

  // Data made through the services: a new account, the demo records, and reads of one record.
  const authApi = client(auth.url)
  const recordsApi = client(records.url)
  const patient = { username: 'backup_patient', email: 'backup.patient@example.test', password: 'backup-patient-password-1', fullName: 'Backup Patient' }
  t.equal((await authApi.post('/api/auth/register', patient)).status, 201, 'a new account')
  const andi = await authApi.login(DEMO.andi.email, DEMO.andi.password)
  const list = await recordsApi.get('/api/records', { token: andi.tokens.accessToken })
  const items = list.body.data.items as Array<{ id: string }>
  t.ok(items.length >= 3, 'andi has records')
  t.equal((await recordsApi.get(`/api/records/${items[0]!.id}`, { token: andi.tokens.accessToken })).status, 200)
  const log = await recordsApi.get(`/api/records/${items[0]!.id}/access-log`, { token: andi.tokens.accessToken })
  t.equal(log.status, 200)
  const logItems = (log.body.data.items ?? log.body.data) as Array<{ id: string }>
  t.ok(logItems.length >= 1, 'the read is in the access log')
  await Promise.all([auth.process.stop(), records.process.stop()])

  const dir = tempDir(t, 'backup')
  const files = { auth: join(dir, 'auth.dump'), records: join(dir, 'records.dump') }
  const backups = await Promise.all([
    runScript('auth-service', 'db:backup', ['--file', files.auth], { DATABASE_URL: withPassword(auth.databaseUrl) }),
    runScript('records-service', 'db:backup', ['--file', files.records], { DATABASE_URL: withPassword(records.databaseUrl) }),
  ])
  for (const [i, name] of ['auth-service', 'records-service'].entries()) {
    t.equal(backups[i]!.code, 0, `${name}: db:backup exits 0`)
    oneLine(t, backups[i]!, 'stdout', new RegExp(`^${name}: backed up PostgreSQL at 127\\.0\\.0\\.1:\\d+/rekam_test_\\w+ \\(server \\d+, pg_dump \\d+\\) to ${dir}/\\w+\\.dump \\(\\d+ KiB, pg_dump custom format\\)$`))
    t.notMatch(backups[i]!.stdout + backups[i]!.stderr, PASSWORD_CANARY, 'the password is never printed')
  }
  t.ok(existsSync(files.auth) && existsSync(files.records), 'both files written')

  const fresh = { auth: await createTestDatabase(t, 'postgres'), records: await createTestDatabase(t, 'postgres') }
  const restores = await Promise.all([
    runScript('auth-service', 'db:restore', ['--file', files.auth], { DATABASE_URL: withPassword(fresh.auth.url!) }),
    runScript('records-service', 'db:restore', ['--file', files.records], { DATABASE_URL: withPassword(fresh.records.url!) }),
  ])
  for (const [i, name] of ['auth-service', 'records-service'].entries()) {
    t.equal(restores[i]!.code, 0, `${name}: db:restore exits 0`)
    oneLine(t, restores[i]!, 'stdout', new RegExp(`^${name}: restored ${dir}/\\w+\\.dump into PostgreSQL at 127\\.0\\.0\\.1:\\d+/rekam_test_\\w+$`))
    t.notMatch(restores[i]!.stdout + restores[i]!.stderr, PASSWORD_CANARY)
  }

  t.test('refusals: a database that holds data, another service\'s backup', async (t) => {
    const again = await runScript('auth-service', 'db:restore', ['--file', files.auth], { DATABASE_URL: withPassword(fresh.auth.url!) })
    t.equal(again.code, 1)
    oneLine(t, again, 'stderr', /^auth-service: PostgreSQL at [^ ]+ already holds \d+ tables; restore into an empty database \(DATABASE_URL\), or add --force to replace what the backup holds$/)
    const crossed = await runScript('records-service', 'db:restore', ['--file', files.auth, '--force'], { DATABASE_URL: fresh.records.url! })
    t.equal(crossed.code, 1)
    oneLine(t, crossed, 'stderr', /^records-service: .*auth\.dump is a backup of another service's database \(auth\), not records; restore it with that service's db:restore$/)
    const forced = await runScript('auth-service', 'db:restore', ['--file', files.auth, '--force'], { DATABASE_URL: fresh.auth.url! })
    t.equal(forced.code, 0, `--force replaces it: ${forced.stderr}`)
    oneLine(t, forced, 'stdout', /\(replacing what it held: --force\)$/)
  })

  t.test('services started on the restored databases serve the same data', async (t) => {
    // Not demo mode: everything served comes from the backup.
    const authPort2 = await freePort()
    const wiring = { ...jwks, AUTH_JWKS_URL: `http://127.0.0.1:${authPort2}/.well-known/jwks.json`, AUTH_REVOCATIONS_URL: `http://127.0.0.1:${authPort2}/internal/revocations` }
    const auth2 = await startService(t, 'auth-service', { INTERNAL_SECRET: secret, DEMO_MODE: 'false' }, { port: authPort2, database: fresh.auth, dataDir: auth.dataDir })
    const records2 = await startService(t, 'records-service', { ...wiring, DEMO_MODE: 'false' }, { database: fresh.records })
    const authApi2 = client(auth2.url)
    const recordsApi2 = client(records2.url)
    const restoredPatient = await authApi2.post('/api/auth/login', { username: patient.username, password: patient.password })
    t.equal(restoredPatient.status, 200, 'the new account signs in with its password')
    const andi2 = await authApi2.login(DEMO.andi.email, DEMO.andi.password)
    t.equal(andi2.user.id, andi.user.id, 'andi is the same user')
    const list2 = await recordsApi2.get('/api/records', { token: andi2.tokens.accessToken })
    t.strictSame(list2.body.data, list.body.data, 'the same records')
    const log2 = await recordsApi2.get(`/api/records/${items[0]!.id}/access-log`, { token: andi2.tokens.accessToken })
    const logItems2 = (log2.body.data.items ?? log2.body.data) as Array<{ id: string }>
    t.strictSame(logItems2.filter((entry) => logItems.some((before) => before.id === entry.id)), logItems, 'the access log rows from before the backup')
  })
})
