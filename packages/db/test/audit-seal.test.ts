import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import t from 'tap'
import { createTestDatabase } from '@rekam/testing'
import { rowHashOf, rowHashSql, sealedValuesSql, type AuditTrail } from '../src/audit-seal/trail.js'
import { canonicalHash, merkleRoot, rowsOf, sealLockKey } from '../src/index.js'

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest('hex')
const leaf = (hex: string) => sha256(Buffer.from([0]), Buffer.from(hex, 'hex'))
const node = (a: string, b: string) => sha256(Buffer.from([1]), Buffer.from(a, 'hex'), Buffer.from(b, 'hex'))

t.test('row hashes: SHA-256 of the RFC 8785 canonical JSON, whatever the key order', async (t) => {
  const row = { id: '0b6f6c9e-8d2a-4c1e-9d7e-2f3a4b5c6d7e', at: '2026-12-07T01:35:04.123456Z', reason: null }
  const expected = sha256(Buffer.from('{"at":"2026-12-07T01:35:04.123456Z","id":"0b6f6c9e-8d2a-4c1e-9d7e-2f3a4b5c6d7e","reason":null}'))
  t.equal(canonicalHash(row), expected)
  t.equal(canonicalHash({ reason: null, at: row.at, id: row.id }), expected)
  t.not(canonicalHash({ ...row, reason: 'x' }), expected)
})

t.test('the Merkle root has RFC 6962\'s shape', async (t) => {
  const [a, b, c] = ['aa', 'bb', 'cc'].map((s) => sha256(Buffer.from(s)))
  t.equal(merkleRoot([]), sha256())
  t.equal(merkleRoot([a!]), leaf(a!))
  t.equal(merkleRoot([a!, b!]), node(leaf(a!), leaf(b!)))
  t.equal(merkleRoot([a!, b!, c!]), node(node(leaf(a!), leaf(b!)), leaf(c!)), 'split at the largest power of two below n')
  t.not(merkleRoot([b!, a!]), merkleRoot([a!, b!]), 'order matters')
})

t.test('each trail has its own sealer lock', async (t) => {
  t.equal(sealLockKey('record_access_log'), sealLockKey('record_access_log'))
  t.not(sealLockKey('record_access_log'), sealLockKey('patient_access_log'))
})

t.test('the sealer\'s hash (computed by PostgreSQL) equals the verifier\'s (JavaScript) on hard values', async (t) => {
  const database = await createTestDatabase(t, 'postgres')
  const client = postgres(database.url!, { max: 1, onnotice: () => {} })
  t.teardown(() => client.end({ timeout: 1 }))
  await client.unsafe('create table trail_rows (id uuid primary key default gen_random_uuid(), at timestamptz not null, note text, kind text)')
  const notes = ['plain', 'quote " and backslash \\', 'controls \n\t\r\b\f \u0001 \u001f \u007f', 'unicode é ü 漢字 😀 \u2028 \u2029', '/slash/ <tag> &amp;', '', null]
  for (const [i, note] of notes.entries()) {
    await client`insert into trail_rows (at, note, kind) values (${new Date(Date.UTC(2026, 11, 7, 1, 2, 3, i))}, ${note}, ${i % 2 ? null : 'READ'})`
  }
  // Microseconds and a time zone other than UTC: the text of a time is fixed whatever the session's.
  await client`insert into trail_rows (at, note) values ('2026-12-07 08:02:03.123456+07', 'microseconds')`
  await client`set time zone 'Asia/Jakarta'`
  const trail: AuditTrail = { table: 'trail_rows', id: 'id', at: 'at', columns: { id: 'text', at: 'timestamptz', note: 'text', kind: 'text' } }
  const db = drizzle(client)
  const rows = rowsOf<Record<string, unknown> & { sql_hash: string }>(await db.execute(sql`select ${rowHashSql(trail, 'l')} as sql_hash, ${sealedValuesSql(trail, 'l')} from trail_rows l`))
  t.equal(rows.length, notes.length + 1)
  const differ = rows.filter((row) => row.sql_hash !== rowHashOf(trail, row)).map((row) => encodeURIComponent(String(row.c2)))
  t.strictSame(differ, [], 'every row hashes the same both ways')
})
