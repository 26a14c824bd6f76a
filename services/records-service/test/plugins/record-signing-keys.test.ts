/**
 * The record signing key on a bare Fastify with a test database: made once and kept sealed,
 * reused after a restart, one key when two instances start together, or the key file's.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toPublicJwk } from '@rekam/auth-verify'
import { loadConfig } from '@rekam/server-kit'
import { createTestDatabase } from '@rekam/testing'
import Fastify from 'fastify'
import fp from 'fastify-plugin'
import { compactVerify, createLocalJWKSet } from 'jose'
import t, { type Test } from 'tap'
import { ConfigSchema } from '../../src/config.js'
import { recordSigningKeys as keysTable } from '../../src/db/schema.js'
import db from '../../src/plugins/app/db.js'
import recordSigningKeys from '../../src/plugins/app/record-signing-keys.js'

const PATIENT_DATA_KEY = 'test patient data key 0123456789abcdef'

async function start (t: Test, url: string | undefined, env: Record<string, string> = {}, withKeys = true) {
  const config = loadConfig(ConfigSchema, { NODE_ENV: 'test', DATA_DIR: 'memory://', PATIENT_DATA_KEY, ...(url ? { DATABASE_URL: url } : {}), ...env })
  const app = Fastify({ logger: false })
  await app.register(fp(async (f) => { f.decorate('config', config) }, { name: '@fastify/env' }))
  await app.register(db)
  if (withKeys) await app.register(recordSigningKeys)
  t.teardown(() => app.close())
  await app.ready()
  return app
}

const detachedPayload = (signature: string, payload: string) => signature.replace('..', `.${Buffer.from(payload).toString('base64url')}.`)

t.test('made on the first start, sealed, reused after a restart and published', async (t) => {
  const database = await createTestDatabase(t)
  const first = await start(t, database.url)
  const signature = await first.recordSigningKeys.sign('{"a":1}')
  await first.close()
  const again = await start(t, database.url)
  t.equal(again.recordSigningKeys.kid, first.recordSigningKeys.kid, 'the same key after a restart')
  t.equal(again.recordSigningKeys.source, 'database')
  const rows = await again.db.select().from(keysTable)
  t.strictSame(rows.map((row) => [row.kid, row.algorithm, row.retiredAt]), [[first.recordSigningKeys.kid, 'ES256', null]])
  t.notMatch(rows[0]!.privateKeySealed, /PRIVATE KEY/, 'the private key is kept sealed')
  const jwks = await again.recordSigningKeys.jwks()
  t.strictSame(jwks.keys.map((key) => [key.kid, key.alg, key.use, key.kty, key.crv]), [[first.recordSigningKeys.kid, 'ES256', 'sig', 'EC', 'P-256']])
  const { protectedHeader } = await compactVerify(detachedPayload(signature, '{"a":1}'), createLocalJWKSet(jwks))
  t.strictSame(protectedHeader, { alg: 'ES256', kid: first.recordSigningKeys.kid, typ: 'rekam-record+jws' })
})

t.test('two instances starting together make one key', async (t) => {
  const database = await createTestDatabase(t)
  await (await start(t, database.url, {}, false)).close()
  const [a, b] = await Promise.all([0, 1].map(() => start(t, database.url, { DB_MIGRATE_ON_START: 'false' })))
  t.equal(a!.recordSigningKeys.kid, b!.recordSigningKeys.kid)
  t.equal((await a!.db.select().from(keysTable)).length, 1)
})

t.test('another PATIENT_DATA_KEY cannot open the stored key: the start fails, naming it', async (t) => {
  const database = await createTestDatabase(t)
  const first = await start(t, database.url)
  await first.close()
  await t.rejects(start(t, database.url, { PATIENT_DATA_KEY: 'another patient data key 0123456789abcdef' }), {
    name: 'StartupError', message: `record signing key ${first.recordSigningKeys.kid} cannot be opened: PATIENT_DATA_KEY differs from the one that sealed it`,
  })
})

t.test('RECORD_SIGNING_KEY_FILE: the file\'s key signs and joins the published keys; the stored one stays published', async (t) => {
  const database = await createTestDatabase(t)
  const dir = await mkdtemp(join(tmpdir(), 'rekam-record-key-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const keyFile = join(dir, 'record-signing.pem')
  await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }))
  const stored = await start(t, database.url)
  await stored.close()
  const fromFile = await start(t, database.url, { RECORD_SIGNING_KEY_FILE: keyFile })
  t.equal(fromFile.recordSigningKeys.source, 'file')
  t.equal(fromFile.recordSigningKeys.kid, toPublicJwk(createPublicKey(privateKey), 'ES256').kid)
  t.strictSame((await fromFile.recordSigningKeys.jwks()).keys.map((key) => key.kid), [stored.recordSigningKeys.kid, fromFile.recordSigningKeys.kid])
  const [row] = (await fromFile.db.select().from(keysTable)).filter((r) => r.kid === fromFile.recordSigningKeys.kid)
  t.equal(row!.privateKeySealed, '', 'the file\'s private key is not copied into the database')

  const rsa = join(dir, 'rsa.pem')
  await writeFile(rsa, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }))
  await t.rejects(start(t, database.url, { RECORD_SIGNING_KEY_FILE: rsa }), { name: 'StartupError', message: `RECORD_SIGNING_KEY_FILE=${rsa} must be a P-256 (ES256) private key` })
  await t.rejects(start(t, database.url, { RECORD_SIGNING_KEY_FILE: join(dir, 'missing.pem') }), { name: 'StartupError', message: `cannot read the record signing key RECORD_SIGNING_KEY_FILE=${join(dir, 'missing.pem')} (ENOENT)` })
})
