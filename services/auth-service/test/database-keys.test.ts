import { sql } from 'drizzle-orm'
import { createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { buildApp, type AuthApp } from '../src/app.js'
import { createDatabaseSigningKeys } from '../src/services/database-keys.js'
import { bearer, buildAppOn, register, testEnv } from './helper.js'

const KEY_ENCRYPTION_KEY = 'database-keys-test-secret-0123456789abcdef'

type Row = { kid: string, private_key_sealed: string }
/** The signing_keys rows (drizzle answers an array on postgres.js, `{ rows }` on PGlite). */
async function keyRows (db: AuthApp['db']): Promise<Row[]> {
  const rows = await db.execute(sql`select kid, private_key_sealed from signing_keys`) as unknown as Row[] | { rows: Row[] }
  return Array.isArray(rows) ? rows : rows.rows
}

t.test('signing keys kept in the database', async (t) => {
  const database = await createTestDatabase(t)
  const env = { KEY_ENCRYPTION_KEY }
  const first = await buildAppOn(t, database, env)
  const second = await buildAppOn(t, database, env)

  t.equal(first.signingKeys.source, 'database')
  t.equal(first.signingKeys.keys().current.kid, second.signingKeys.keys().current.kid, 'every instance signs with the same key')
  const list = await keyRows(first.db)
  t.equal(list.length, 1, 'two instances starting on one database create one key')
  t.notMatch(list[0]!.private_key_sealed, /PRIVATE KEY/, 'the private key is not stored in clear')

  const user = await register(first)
  const me = await second.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(user.tokens.accessToken) })
  t.equal(me.statusCode, 200, 'a token from one instance is accepted by another')
  const refreshed = await second.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: user.tokens.refreshToken } })
  t.equal(refreshed.statusCode, 200, 'and its refresh token too')

  const wrongSecret = await buildApp({ logLevel: false, env: testEnv(database, { KEY_ENCRYPTION_KEY: 'another-secret-entirely-0123456789abcdef' }) })
    .then(async (app) => { await app.ready(); return app.close() })
    .then(() => undefined, (err: Error) => err)
  t.match(wrongSecret, { message: /KEY_ENCRYPTION_KEY differs/ }, 'a wrong KEY_ENCRYPTION_KEY stops the start with a clear message')
})

t.test('instances starting at the same moment on an empty database create one key between them', async (t) => {
  // The stores of two instances, each with its own connection: the second's transaction begins
  // while the first holds the lock and makes the key, as two processes starting together do.
  const app = await buildAppOn(t, await createTestDatabase(t))
  const options = { algorithm: 'RS256' as const, secret: KEY_ENCRYPTION_KEY, accessTokenTtlSeconds: 900 }
  const [first, second] = [createDatabaseSigningKeys(app.db, options), createDatabaseSigningKeys(app.db, options)]
  await Promise.all([first.init(), second.init()])
  const kids = (await keyRows(app.db)).map((row) => row.kid)
  t.strictSame(kids, [first.keys().current.kid], 'one key, and the first instance signs with it')
  t.equal(second.keys().current.kid, kids[0], 'the second signs with the same key')
  t.strictSame(second.keys().jwks, first.keys().jwks, 'and both publish the same set')
})
