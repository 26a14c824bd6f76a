/**
 * The property tests' "a refused request writes nothing" check (@rekam/testing's watchTables)
 * on a real PostgreSQL: every kind of write changes the fingerprint, reads and rolled-back
 * writes do not, and the excluded tables are left out.
 */
import postgres from 'postgres'
import t from 'tap'
import { createTestDatabase } from '@rekam/testing'
import { watchTables } from '@rekam/testing/properties'

t.test('every write changes the fingerprint; nothing else does', async (t) => {
  const database = await createTestDatabase(t, 'postgres')
  const client = postgres(database.url!, { max: 1, onnotice: () => {} })
  t.teardown(() => client.end({ timeout: 1 }))
  await client.unsafe('create table widgets (id serial primary key, name text not null); create table noise (n int)')
  await client.unsafe("insert into widgets (name) values ('gear'), ('cog')")
  const watch = await watchTables((text) => client.unsafe(text), ['noise'])
  t.strictSame(watch.tables, ['widgets'], 'the excluded table is left out')

  let before = await watch.checksum()
  const changes = async (what: string, write: string) => {
    await client.unsafe(write)
    const after = await watch.checksum()
    t.not(after.widgets, before.widgets, what)
    before = after
  }
  await changes('an insert', "insert into widgets (name) values ('sprocket')")
  await changes('an update, even to the same value', "update widgets set name = name where name = 'gear'")
  await changes('a delete', "delete from widgets where name = 'cog'")
  await changes('a delete and an insert in one transaction', "begin; delete from widgets where name = 'sprocket'; insert into widgets (name) values ('axle'); commit")

  await client.unsafe('select * from widgets')
  await client.unsafe("begin; insert into widgets (name) values ('never'); rollback")
  await client.unsafe('insert into noise values (1)')
  t.strictSame(await watch.checksum(), before, 'a read, a rolled-back write and a write to an excluded table change nothing')
})
