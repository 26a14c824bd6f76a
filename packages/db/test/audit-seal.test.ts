import { createHash } from 'node:crypto'
import t from 'tap'
import { canonicalHash, merkleRoot, sealLockKey } from '../src/index.js'

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
