import { createServer, type AddressInfo, type Socket } from 'node:net'
import { count, eq, sql } from 'drizzle-orm'
import t from 'tap'
import { createTestDatabase } from '@rekam/testing'
import type { Database } from '../src/index.js'
import { widgets, widgetsWithColor, schema, INIT, ADD_COLOR, tempDir, writeMigrations, open, widgetCount, appliedCount, lifecycle } from './database-fixture.js'

t.test('PostgreSQL', async (t) => {
  t.test('migrate, migrate again, ping, close', async (t) => {
    const { url } = await createTestDatabase(t, 'postgres')
    const migrationsFolder = writeMigrations(tempDir(t, 'rekam-db-migrations-'), [INIT])
    const database = open(t, { url, dataDir: 'memory://', migrationsFolder, poolSize: 2 })
    t.equal(database.kind, 'postgres')
    await lifecycle(t, database, migrationsFolder)
  })

  t.test('concurrent migrate() calls take turns (advisory lock)', async (t) => {
    const { url } = await createTestDatabase(t, 'postgres')
    const migrationsFolder = writeMigrations(tempDir(t, 'rekam-db-migrations-'), [INIT, ADD_COLOR])
    const instances = [1, 2, 3].map(() => open(t, { url, dataDir: 'memory://', migrationsFolder, poolSize: 1 }))
    const [first] = instances
    const results = await Promise.allSettled([...instances.map((i) => i.migrate()), first!.migrate()])
    t.strictSame(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'])
    t.equal(await appliedCount(first!), 2, 'each migration is recorded once')
    await first!.db.insert(widgetsWithColor).values({ name: 'gear', color: 'red' })
    t.equal(await widgetCount(first!), 1)
  })

  t.test('every query is a server-side prepared statement, in transactions too, unless turned off', async (t) => {
    const { url } = await createTestDatabase(t, 'postgres')
    const migrationsFolder = writeMigrations(tempDir(t, 'rekam-db-migrations-'), [INIT])
    // One connection, so the session that prepared is the one asked.
    const prepared = async (database: Database<typeof schema>) => {
      const rows = await database.db.execute(sql`select statement from pg_prepared_statements`) as unknown as Array<{ statement: string }>
      return rows.map((row) => row.statement)
    }

    const database = open(t, { url, dataDir: 'memory://', migrationsFolder, poolSize: 1 })
    await database.migrate()
    await database.db.insert(widgets).values({ name: 'gear' })
    await database.db.select().from(widgets).where(eq(widgets.name, 'gear'))
    await database.db.transaction(async (tx) => {
      await tx.select({ n: count() }).from(widgets).where(eq(widgets.id, 1))
      await tx.transaction(async (inner) => { await inner.update(widgets).set({ name: 'cog' }).where(eq(widgets.id, 1)) })
    })
    const statements = await prepared(database)
    for (const expected of ['insert into "widgets"', 'select "id", "name" from "widgets" where "widgets"."name" = $1', 'select count(*) from "widgets" where "widgets"."id" = $1', 'update "widgets" set "name" = $1']) {
      t.ok(statements.some((s) => s.includes(expected)), `prepared: ${expected}`)
    }
    t.equal((await database.db.select().from(widgets))[0]?.name, 'cog', 'the nested transaction (a savepoint) committed')

    const unprepared = open(t, { url, dataDir: 'memory://', migrationsFolder, poolSize: 1, prepare: false })
    await unprepared.db.select().from(widgets).where(eq(widgets.name, 'cog'))
    t.strictSame((await prepared(unprepared)).filter((s) => s.includes('widgets')), [], 'prepare: false prepares nothing')
  })

  t.test('an unreachable server fails fast', async (t) => {
    const migrationsFolder = writeMigrations(tempDir(t, 'rekam-db-migrations-'), [INIT])

    t.test('closed port', async (t) => {
      // No start-up wait (startTimeout 0): start-wait.test.ts covers waiting for the server.
      const database = open(t, { url: 'postgres://postgres@127.0.0.1:1/x', connectTimeout: 1, startTimeout: 0, dataDir: 'memory://', migrationsFolder })
      const started = performance.now()
      await t.rejects(database.ping(), { code: 'ECONNREFUSED' })
      t.ok(performance.now() - started < 3000, 'ping() rejects within 3 s')
      await t.rejects(database.migrate(), { name: 'StartupError' }, 'migrate() rejects too, as a start-up failure')
      t.ok(performance.now() - started < 3000, 'migrate() rejects within 3 s')
    })

    t.test('a server that accepts but never answers hits connectTimeout', async (t) => {
      const sockets = new Set<Socket>()
      const silent = createServer((socket) => {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
      })
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
      t.teardown(() => {
        for (const socket of sockets) socket.destroy()
        return new Promise<void>((resolve) => silent.close(() => resolve()))
      })
      const { port } = silent.address() as AddressInfo
      const database = open(t, { url: `postgres://postgres@127.0.0.1:${port}/x`, connectTimeout: 1, dataDir: 'memory://', migrationsFolder })
      const started = performance.now()
      await t.rejects(database.ping(), { code: 'CONNECT_TIMEOUT' })
      t.ok(performance.now() - started < 3000, 'ping() rejects within 3 s')
    })
  })
})
