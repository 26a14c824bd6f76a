/** A test table, its migrations as drizzle-kit writes them, and the checks every driver must pass. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count } from 'drizzle-orm'
import { bigint, pgSchema, pgTable, serial, text } from 'drizzle-orm/pg-core'
import type { Test } from 'tap'
import { createDatabase, type Database, type DatabaseOptions } from '../src/index.js'

export const widgets = pgTable('widgets', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
})
/** The same table once the second migration has added a column. */
export const widgetsWithColor = pgTable('widgets', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  color: text('color'),
})
export const schema = { widgets }
/** drizzle's own record of applied migrations. */
export const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
})

export interface Migration { tag: string, when: number, sql: string }

export const INIT: Migration = {
  tag: '0000_init',
  when: 1_700_000_000_000,
  sql: [
    'CREATE TABLE "widgets" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"name" text NOT NULL\n);',
    'CREATE UNIQUE INDEX "widgets_name_unique" ON "widgets" USING btree ("name");',
  ].join('\n--> statement-breakpoint\n'),
}
export const ADD_COLOR: Migration = {
  tag: '0001_color',
  when: 1_700_000_100_000,
  sql: 'ALTER TABLE "widgets" ADD COLUMN "color" text;',
}

export function tempDir (t: Test, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A migrations folder as drizzle-kit generates it: SQL files plus meta/_journal.json. */
export function writeMigrations (dir: string, migrations: Migration[]): string {
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
export function open (t: Test, opts: Omit<DatabaseOptions<typeof schema>, 'schema'>): Database<typeof schema> {
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

export async function widgetCount (database: Database<typeof schema>): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(widgets)
  return row?.n ?? -1
}

export async function appliedCount (database: Database<typeof schema>): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(appliedMigrations)
  return row?.n ?? -1
}

/** What every database must do, whichever the driver. */
export async function lifecycle (t: Test, database: Database<typeof schema>, migrationsFolder: string) {
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
