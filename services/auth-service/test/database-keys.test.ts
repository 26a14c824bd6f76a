import { sql } from 'drizzle-orm'
import { createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { buildApp } from '../src/app.js'
import { bearer, buildAppOn, register, testEnv } from './helper.js'

const KEY_ENCRYPTION_KEY = 'database-keys-test-secret-0123456789abcdef'

t.test('signing keys kept in the database', async (t) => {
  const database = await createTestDatabase(t)
  const env = { KEY_ENCRYPTION_KEY }
  const first = await buildAppOn(t, database, env)
  const second = await buildAppOn(t, database, env)

  t.equal(first.signingKeys.source, 'database')
  t.equal(first.signingKeys.keys().current.kid, second.signingKeys.keys().current.kid, 'every instance signs with the same key')
  const rows = await first.db.execute(sql`select kid, private_key_sealed from signing_keys`) as unknown as Array<{ kid: string, private_key_sealed: string }> | { rows: Array<{ kid: string, private_key_sealed: string }> }
  const list = Array.isArray(rows) ? rows : rows.rows
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
