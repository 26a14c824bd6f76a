import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { pgTable, serial, text } from 'drizzle-orm/pg-core'
import t, { type Test } from 'tap'
import { isStartupError } from '@rekam/errors'
import { createTestDatabase } from '@rekam/testing'
import { createDatabase, rowsOf, type Database } from '../src/index.js'

/** Two services with a table each, and an enum type both create (as `role` is in rekam). */
const services = {
  alpha: {
    schema: { widgets: pgTable('widgets', { id: serial('id').primaryKey(), name: text('name').notNull() }) },
    sql: 'CREATE TYPE "public"."kind" AS ENUM(\'a\', \'b\');\n--> statement-breakpoint\nCREATE TABLE "widgets" ("id" serial PRIMARY KEY NOT NULL, "name" text NOT NULL);',
  },
  beta: {
    schema: { gadgets: pgTable('gadgets', { id: serial('id').primaryKey() }) },
    sql: 'CREATE TYPE "public"."kind" AS ENUM(\'x\');\n--> statement-breakpoint\nCREATE TABLE "gadgets" ("id" serial PRIMARY KEY NOT NULL);',
  },
}
type Name = keyof typeof services

function migrationsOf (t: Test, name: Name): string {
  const dir = mkdtempSync(join(tmpdir(), `rekam-history-${name}-`))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  mkdirSync(join(dir, 'meta'))
  writeFileSync(join(dir, '0000_init.sql'), services[name].sql)
  const entries = [{ idx: 0, version: '7', when: 1_700_000_000_000, tag: '0000_init', breakpoints: true }]
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries }))
  return dir
}

function open (t: Test, url: string | undefined, name: Name, options: { named?: boolean, dataDir?: string } = {}): Database<Record<string, unknown>> {
  const database = createDatabase({
    url,
    dataDir: options.dataDir ?? 'memory://',
    schema: services[name].schema,
    migrationsFolder: migrationsOf(t, name),
    ...(options.named === false ? {} : { name }),
    poolSize: 1,
  })
  t.teardown(() => database.close())
  return database
}

/** Rows as plain objects in a plain array (postgres.js returns its own Array subclass). */
async function query<T> (database: Database<Record<string, unknown>>, statement: ReturnType<typeof sql>): Promise<T[]> {
  return [...rowsOf<T>(await database.db.execute(statement))]
}

async function historyTables (database: Database<Record<string, unknown>>): Promise<string[]> {
  const rows = await query<{ name: string }>(database, sql`
    select table_name as name from information_schema.tables where table_schema = 'drizzle' order by table_name`)
  return rows.map((row) => row.name)
}

t.test('each service records its migrations in a table of its own', async (t) => {
  const { url } = await createTestDatabase(t, 'postgres')
  const alpha = open(t, url, 'alpha')
  await alpha.migrate()
  await alpha.migrate()
  t.strictSame(await historyTables(alpha), ['alpha_migrations'])
  const applied = await query<{ n: string }>(alpha, sql`select count(*)::text as n from drizzle.alpha_migrations`)
  t.strictSame(applied, [{ n: '1' }], 'applied once')
})

t.test('a second service pointed at the first one\'s database is refused in one line, before it changes anything', async (t) => {
  const { url } = await createTestDatabase(t, 'postgres')
  await open(t, url, 'alpha').migrate()
  const beta = open(t, url, 'beta')
  const failure = await beta.migrate().then(() => undefined, (err: unknown) => err)
  t.ok(isStartupError(failure), 'a StartupError: printed without a stack')
  const where = new URL(url!)
  t.equal((failure as Error).message, `the database at ${where.hostname}:${where.port}/${where.pathname.slice(1)} already holds tables this service did not create (widgets); give each service a database of its own (DATABASE_URL)`)
  t.strictSame(await historyTables(beta), ['alpha_migrations'], 'no history of its own was started')
  const gadgets = await query<{ found: boolean }>(beta, sql`select to_regclass('gadgets') is not null as found`)
  t.strictSame(gadgets, [{ found: false }], 'and none of its tables created')
})

t.test('a database migrated under the shared history table keeps its history', async (t) => {
  const { url } = await createTestDatabase(t, 'postgres')
  await open(t, url, 'alpha', { named: false }).migrate()
  const alpha = open(t, url, 'alpha')
  t.strictSame(await historyTables(alpha), ['__drizzle_migrations'], 'the old layout')
  await alpha.migrate()
  t.strictSame(await historyTables(alpha), ['alpha_migrations'], 'the shared table became the service\'s own')
  const applied = await query<{ n: string }>(alpha, sql`select count(*)::text as n from drizzle.alpha_migrations`)
  t.strictSame(applied, [{ n: '1' }], 'nothing was applied twice')
})

t.test('another service\'s shared history is not taken over', async (t) => {
  const { url } = await createTestDatabase(t, 'postgres')
  await open(t, url, 'alpha', { named: false }).migrate()
  const beta = open(t, url, 'beta')
  await t.rejects(beta.migrate(), { name: 'StartupError', message: /already holds tables this service did not create \(widgets\)/ })
  t.strictSame(await historyTables(beta), ['__drizzle_migrations'], 'alpha\'s history is left where it was')
})

t.test('PGlite: the same history table, and an old data folder keeps its history', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rekam-history-pglite-'))
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
  const legacy = createDatabase({ dataDir, schema: services.alpha.schema, migrationsFolder: migrationsOf(t, 'alpha') })
  await legacy.migrate()
  await legacy.close()
  const alpha = open(t, undefined, 'alpha', { dataDir })
  await alpha.migrate()
  t.strictSame(await historyTables(alpha), ['alpha_migrations'])
})
