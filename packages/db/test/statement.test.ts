import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { pgTable, serial, text } from 'drizzle-orm/pg-core'
import t, { type Test } from 'tap'
import { createTestDatabase } from '@rekam/testing'
import { createDatabase, defineStatement, placeholders, rowsOf as rowsOfResult, type Database } from '../src/index.js'

const widgets = pgTable('widgets', { id: serial('id').primaryKey(), name: text('name').notNull() })
const schema = { widgets }

function migrations (t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'rekam-db-statement-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  mkdirSync(join(dir, 'meta'))
  writeFileSync(join(dir, '0000_init.sql'), 'CREATE TABLE "widgets" ("id" serial PRIMARY KEY NOT NULL, "name" text NOT NULL);')
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({
    version: '7', dialect: 'postgresql', entries: [{ idx: 0, version: '7', when: 1_700_000_000_000, tag: '0000_init', breakpoints: true }],
  }))
  return dir
}

const rowsOf = (result: unknown) => rowsOfResult<Record<string, unknown>>(result)

/** What a defined statement must do, whichever the driver. */
async function behaves (t: Test, database: Database<typeof schema>) {
  await database.migrate()
  t.teardown(() => database.close())
  const insert = defineStatement<{ name: string }>(database.db, sql`insert into ${widgets} (name) values (${sql.placeholder('name')}) returning id, name`)
  const p = placeholders('name', 'limit')
  const byName = defineStatement<{ name: string, limit: number }>(database.db,
    sql`select ${widgets.name} as name from ${widgets} where ${widgets.name} like ${p.name} order by ${widgets.id} limit ${p.limit}`)
  for (const name of ['gear', 'cog', 'gearbox']) t.match(rowsOf(await insert({ name })), [{ name }], `inserted ${name}`)
  t.strictSame(rowsOf(await byName({ name: 'gear%', limit: 10 })).map((r) => r.name), ['gear', 'gearbox'], 'each run takes its own values')
  t.strictSame(rowsOf(await byName({ name: 'gear%', limit: 1 })).map((r) => r.name), ['gear'])
  t.strictSame(rowsOf(await byName({ name: 'cog', limit: 10 })).map((r) => r.name), ['cog'])
  t.strictSame([...rowsOf(await byName({ name: "x' or 1=1 --", limit: 10 }))], [], 'values are parameters, never SQL text (a postgres.js Result is an Array subclass, hence the copy)')
  await t.rejects(insert({ name: null as unknown as string }), 'a constraint violation rejects')
  t.equal(rowsOf(await byName({ name: '%', limit: 10 })).length, 3, 'and wrote nothing')
}

t.test('PostgreSQL: built once, run with new values', async (t) => {
  const { url } = await createTestDatabase(t, 'postgres')
  const database = createDatabase({ url, dataDir: 'memory://', schema, migrationsFolder: migrations(t), poolSize: 1 })
  await behaves(t, database)
  const [prepared] = rowsOf(await database.db.execute(sql`select count(*)::int as n from pg_prepared_statements where statement like '%from "widgets" where%'`))
  t.equal(prepared?.n, 1, 'one server-side prepared statement for every run of the select')
})

t.test('PGlite: built once, run with new values', async (t) => {
  await behaves(t, createDatabase({ dataDir: 'memory://', schema, migrationsFolder: migrations(t) }))
})
