/**
 * db:backup and db:restore (packages/db, database-tool.ts) on the embedded database, through
 * auth-service's own scripts: db:migrate without DATABASE_URL lands in the launcher's folder, a
 * backup is refused while the service holds the folder, and the tarball round-trips. PostgreSQL's
 * side is backup-restore.test.ts.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { DEMO, client, ensureBuilt, startService, tempDir } from '@rekam/testing/e2e'
import { oneLine, runScript } from './helpers/service-scripts.js'

t.before(() => { for (const note of ensureBuilt()) t.comment(note) })

t.test('PGlite: db:migrate uses the launcher\'s folder; the data folder round-trips', async (t) => {
  const root = tempDir(t, 'pglite-backup')
  const env = { REKAM_DATA_DIR: root, NODE_ENV: 'test' }
  const migrated = await runScript('auth-service', 'db:migrate', [], env)
  t.equal(migrated.code, 0, migrated.stderr)
  t.ok(existsSync(join(root, 'auth', 'pglite-auth', 'PG_VERSION')), 'db:migrate without DATABASE_URL or DATA_DIR writes REKAM_DATA_DIR/auth/pglite-auth, the launcher\'s')

  const auth = await startService(t, 'auth-service', {}, { database: { url: undefined, dataDir: 'memory://', kind: 'pglite' }, dataDir: join(root, 'auth') })
  const patient = { username: 'pglite_patient', email: 'pglite.patient@example.test', password: 'pglite-patient-password-1', fullName: 'PGlite Patient' }
  t.equal((await client(auth.url).post('/api/auth/register', patient)).status, 201)
  const file = join(root, 'backups', 'auth.tgz')

  const busy = await runScript('auth-service', 'db:backup', ['--file', file], env)
  t.equal(busy.code, 1, 'refused while the service holds the folder')
  oneLine(t, busy, 'stderr', new RegExp(`^auth-service: the embedded database in ${root}/auth/pglite-auth is in use by process \\d+ \\(a running service or pnpm start\\); stop it first$`))
  await auth.process.stop()

  const backup = await runScript('auth-service', 'db:backup', ['--file', file], env)
  t.equal(backup.code, 0, backup.stderr)
  oneLine(t, backup, 'stdout', new RegExp(`^auth-service: backed up the embedded database in ${root}/auth/pglite-auth to ${file} \\([\\d.]+ MiB, PGlite data folder tarball\\)$`))

  const other = join(root, 'restored')
  const restore = await runScript('auth-service', 'db:restore', ['--file', file], { ...env, REKAM_DATA_DIR: other })
  t.equal(restore.code, 0, restore.stderr)
  oneLine(t, restore, 'stdout', new RegExp(`^auth-service: restored ${file} into the embedded database in ${other}/auth/pglite-auth$`))
  const over = await runScript('auth-service', 'db:restore', ['--file', file], env)
  t.equal(over.code, 1)
  oneLine(t, over, 'stderr', /already holds an embedded database; restore into an empty DATA_DIR, or add --force to replace it/)

  const restored = await startService(t, 'auth-service', { DEMO_MODE: 'false' }, { database: { url: undefined, dataDir: 'memory://', kind: 'pglite' }, dataDir: join(other, 'auth') })
  const login = await client(restored.url).post('/api/auth/login', { username: patient.username, password: patient.password })
  t.equal(login.status, 200, 'the account from before the backup signs in')
  await client(restored.url).login(DEMO.andi.email, DEMO.andi.password)
})
