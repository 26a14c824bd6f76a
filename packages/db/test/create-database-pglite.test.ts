import { join } from 'node:path'
import t from 'tap'
import { widgets, INIT, tempDir, writeMigrations, open, appliedCount, lifecycle } from './database-fixture.js'

t.test('PGlite', async (t) => {
  t.test('in memory: migrate, migrate again, ping, close', async (t) => {
    const migrationsFolder = writeMigrations(tempDir(t, 'rekam-db-migrations-'), [INIT])
    const database = open(t, { dataDir: 'memory://', migrationsFolder })
    t.equal(database.kind, 'pglite')
    await lifecycle(t, database, migrationsFolder)
  })

  t.test('a data folder persists across opens', async (t) => {
    const migrationsFolder = writeMigrations(tempDir(t, 'rekam-db-migrations-'), [INIT])
    // A folder that does not exist yet: createDatabase creates it.
    const dataDir = join(tempDir(t, 'rekam-db-data-'), 'nested', 'pglite')

    const first = open(t, { dataDir, migrationsFolder })
    await first.migrate()
    await first.db.insert(widgets).values({ name: 'gear' })
    await first.close()

    const second = open(t, { dataDir, migrationsFolder })
    await second.migrate()
    t.equal(await appliedCount(second), 1, 'reopening does not migrate again')
    t.strictSame(await second.db.select({ name: widgets.name }).from(widgets), [{ name: 'gear' }], 'the data survived')
    await t.resolves(second.ping())
    await second.close()
  })
})
