import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count, eq, sql } from 'drizzle-orm'
import { bigint, pgSchema, pgTable, serial, text } from 'drizzle-orm/pg-core'
import t, { type Test } from 'tap'
import { createTestDatabase } from '@rekam/testing'
import { createDatabase, type Database, type DatabaseOptions } from '../src/index.js'

const widgets = pgTable('widgets', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
})
/** The same table once the second migration has added a column. */
const widgetsWithColor = pgTable('widgets', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  color: text('color'),
})
const schema = { widgets }
/** drizzle's own record of applied migrations. */
const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
})

interface Migration { tag: string, when: number, sql: string }

const INIT: Migration = {
  tag: '0000_init',
  when: 1_700_000_000_000,
  sql: [
    'CREATE TABLE "widgets" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"name" text NOT NULL\n);',
    'CREATE UNIQUE INDEX "widgets_name_unique" ON "widgets" USING btree ("name");',
  ].join('\n--> statement-breakpoint\n'),
}
const ADD_COLOR: Migration = {
  tag: '0001_color',
  when: 1_700_000_100_000,
  sql: 'ALTER TABLE "widgets" ADD COLUMN "color" text;',
}

function tempDir (t: Test, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A migrations folder as drizzle-kit generates it: SQL files plus meta/_journal.json. */
function writeMigrations (dir: string, migrations: Migration[]): string {
  mkdirSync(join(dir, 'meta'), { recursive: true })
  for (const m of migrations) writeFileSync(join(dir, `${m.tag}.sql`), m.sql)
  const journal = {
    version: '7',
    dialect: 'postgresql',
    entries: migrations.map((m, idx) => ({ idx, version: '7', when: m.when, tag: m.tag, breakpoints: true })),
  }
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify(journal, null, 2))
  return dir
}

/** Opens a database that is closed when the test ends, unless the test closed it itself. */
function open (t: Test, opts: Omit<DatabaseOptions<typeof schema>, 'schema'>): Database<typeof schema> {
  const database = createDatabase({ ...opts, schema })
  let closed = false
  const close = database.close.bind(database)
  database.close = async () => {
    closed = true
    await close()
  }
  t.teardown(async () => { if (!closed) await close() })
  return database
}

async function widgetCount (database: Database<typeof schema>): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(widgets)
  return row?.n ?? -1
}

async function appliedCount (database: Database<typeof schema>): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(appliedMigrations)
  return row?.n ?? -1
}

/** What every database must do, whichever the driver. */
async function lifecycle (t: Test, database: Database<typeof schema>, migrationsFolder: string) {
  await database.migrate()
  t.equal(await appliedCount(database), 1, 'the migration is recorded')
  await database.db.insert(widgets).values({ name: 'gear' })
  t.equal(await widgetCount(database), 1, 'the migrated table is usable')

  await database.migrate()
  t.equal(await appliedCount(database), 1, 'a second migrate() applies nothing')
  t.equal(await widgetCount(database), 1, 'and keeps the data')

  await t.rejects(database.db.insert(widgets).values({ name: 'gear' }), { cause: { code: '23505' } }, 'every statement of the migration ran (unique index)')

  writeMigrations(migrationsFolder, [INIT, ADD_COLOR])
  await database.migrate()
  t.equal(await appliedCount(database), 2, 'a new migration is applied on the next migrate()')
  const rows = await database.db.select().from(widgetsWithColor)
  t.strictSame(rows.map((r) => ({ name: r.name, color: r.color })), [{ name: 'gear', color: null }])

  await t.resolves(database.ping(), 'ping() answers')
  await database.close()
  await t.rejects(database.ping(), 'ping() fails once closed')
}

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
      const database = open(t, { url: 'postgres://postgres@127.0.0.1:1/x', connectTimeout: 1, dataDir: 'memory://', migrationsFolder })
      const started = performance.now()
      await t.rejects(database.ping(), { code: 'ECONNREFUSED' })
      t.ok(performance.now() - started < 3000, 'ping() rejects within 3 s')
      await t.rejects(database.migrate(), 'migrate() rejects too')
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
