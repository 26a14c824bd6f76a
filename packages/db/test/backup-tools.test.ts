import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { checkDumpVersion, claimDataFolder, libpqTarget } from '../src/index.js'

t.test('pg_dump older than the server: one line naming the client version to install and PG_BIN_DIR', async (t) => {
  t.doesNotThrow(() => checkDumpVersion(15, 15, 'at db:5432/auth'))
  t.doesNotThrow(() => checkDumpVersion(15, 17, 'at db:5432/auth'), 'a newer pg_dump reads an older server')
  t.throws(() => checkDumpVersion(17, 15, 'at db:5432/auth'), {
    name: 'StartupError',
    message: 'PostgreSQL at db:5432/auth is version 17 but pg_dump is version 15, and pg_dump must be at least as new as the server: install the PostgreSQL 17 client tools (Debian/Ubuntu: postgresql-client-17) and set PG_BIN_DIR to their folder (for example /usr/lib/postgresql/17/bin)',
  })
})

t.test('the tools get the URL without its password, which goes in PGPASSWORD', async (t) => {
  t.strictSame(libpqTarget('postgres://rekam:s%40cret@db:5432/auth?sslmode=require'), { dbname: 'postgres://rekam@db:5432/auth?sslmode=require', env: { PGPASSWORD: 's@cret' } })
  t.strictSame(libpqTarget('postgres://rekam@db/auth'), { dbname: 'postgres://rekam@db/auth', env: {} })
})

t.test('an embedded data folder is held by one process at a time', async (t) => {
  const dir = join(t.testdir(), 'pglite-auth')
  const release = claimDataFolder(dir)
  t.equal(readFileSync(`${dir}.lock`, 'utf8').trim(), String(process.pid), 'the lock names this process')
  const again = claimDataFolder(dir)
  again()
  t.ok(existsSync(`${dir}.lock`), 'this process may open it twice; the lock stays until the last release')
  release()
  t.notOk(existsSync(`${dir}.lock`), 'released')

  // pid 1 is always alive (init): another process holds the folder.
  writeFileSync(`${dir}.lock`, '1\n')
  t.throws(() => claimDataFolder(dir), { name: 'StartupError', message: `the embedded database in ${dir} is in use by process 1 (a running service or pnpm start); stop it first` })
  // A process that has ended leaves a lock that is taken over.
  writeFileSync(`${dir}.lock`, '2147483646\n')
  claimDataFolder(dir)()
  t.notOk(existsSync(`${dir}.lock`))
})
