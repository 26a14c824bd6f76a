import t from 'tap'
import { isStartupError } from '@rekam/errors'
import { createTestDatabase } from '@rekam/testing'
import { startTcpProxy } from '@rekam/testing/e2e'
import { createDatabase } from '../src/index.js'

const migrationsFolder = new URL('./fixtures/no-migrations', import.meta.url).pathname

t.test('a starting service waits for PostgreSQL, then migrates', async (t) => {
  const { url } = await createTestDatabase(t, 'postgres')
  const proxy = await startTcpProxy(t)
  await proxy.cut('refuse')
  const database = createDatabase({ url: proxy.url(url!), dataDir: 'memory://', schema: {}, migrationsFolder, name: 'waiting', startTimeout: 30 })
  t.teardown(() => database.close())
  let settled = false
  const migrated = database.migrate().finally(() => { settled = true })
  // The first attempts are refused; the database "comes up" while the service waits.
  await new Promise((resolve) => setTimeout(resolve, 700))
  t.equal(settled, false, 'still waiting while the server refuses connections')
  await proxy.restore()
  await t.resolves(migrated, 'migrated once the server answered')
})

t.test('an unreachable PostgreSQL ends the start after DB_START_TIMEOUT with one line naming DATABASE_URL', async (t) => {
  const proxy = await startTcpProxy(t)
  await proxy.cut('refuse')
  const url = `postgres://postgres:secret-password@127.0.0.1:${proxy.port}/clinic`
  const database = createDatabase({ url, dataDir: 'memory://', schema: {}, migrationsFolder, name: 'waiting', startTimeout: 1 })
  t.teardown(() => database.close())
  const failure = await database.migrate().then(() => undefined, (err: unknown) => err)
  t.ok(isStartupError(failure), 'a StartupError')
  t.match((failure as Error).message, new RegExp(`^cannot reach PostgreSQL at 127\\.0\\.0\\.1:${proxy.port}/clinic \\(DATABASE_URL\\) within DB_START_TIMEOUT=1 s: `))
  t.notMatch((failure as Error).message, /secret-password/, 'never the password')
})

t.test('a refusal that waiting cannot cure ends the wait at once', async (t) => {
  const { url } = await createTestDatabase(t, 'postgres')
  const missing = new URL(url!)
  missing.pathname = '/rekam_no_such_database'
  const database = createDatabase({ url: missing.toString(), dataDir: 'memory://', schema: {}, migrationsFolder, name: 'waiting', startTimeout: 60 })
  t.teardown(() => database.close())
  const started = Date.now()
  await t.rejects(database.migrate(), { name: 'StartupError', message: /refused the service: database "rekam_no_such_database" does not exist \(check DATABASE_URL\)/ })
  t.ok(Date.now() - started < 10_000, 'without waiting out DB_START_TIMEOUT')
})
