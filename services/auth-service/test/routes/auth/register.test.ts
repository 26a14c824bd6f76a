import bcrypt from 'bcryptjs'
import { count, eq } from 'drizzle-orm'
import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { sessions, users } from '../../../src/db/schema.js'
import { buildTestApp, uniqueUser } from '../../helper.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

const app = await buildTestApp(t)

function registerRaw (payload: unknown) {
  return app.inject({ method: 'POST', url: '/api/auth/register', payload: payload as Record<string, unknown> })
}

async function usersNamed (username: string): Promise<number> {
  const [row] = await app.db.select({ n: count() }).from(users).where(eq(users.username, username))
  return row?.n ?? -1
}

t.test('201 with the user and a token pair; the user is a PATIENT and carries no hash', async (t) => {
  const body = { ...uniqueUser('Reg'), username: `Mixed.Case-${Date.now()}` }
  const res = await registerRaw(body)
  t.equal(res.statusCode, 201)
  const json = res.json()
  t.strictSame(Object.keys(json).sort(), ['data', 'message', 'success'])
  t.match(json, {
    success: true,
    message: 'Registered',
    data: {
      user: {
        id: UUID,
        username: body.username.toLowerCase(),
        email: body.email.toLowerCase(),
        fullName: body.fullName,
        role: 'PATIENT',
        blocked: false,
        createdAt: ISO,
        updatedAt: ISO,
      },
      tokens: { accessToken: /^[\w-]+\.[\w-]+\.[\w-]+$/, refreshToken: /^[\w-]{43}$/, tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: Number },
    },
  })
  t.strictSame(Object.keys(json.data).sort(), ['tokens', 'user', 'verificationSent'])
  t.strictSame(Object.keys(json.data.user).sort(), ['blocked', 'createdAt', 'email', 'emailVerified', 'fullName', 'id', 'locale', 'role', 'updatedAt', 'username'])
  t.strictSame(Object.keys(json.data.tokens).sort(), ['accessToken', 'expiresIn', 'refreshExpiresIn', 'refreshToken', 'tokenType'])
  t.notMatch(res.body, /passwordHash|password_hash|\$2[aby]\$/, 'no hash anywhere in the body')
  t.notMatch(res.body, body.password, 'the password is not echoed')

  const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${json.data.tokens.accessToken}` } })
  t.equal(me.statusCode, 200, 'the access token works at once')
  t.strictSame(me.json().data, { user: json.data.user, pendingEmail: null }, 'and /me shows the same user, with no email change pending')
})

t.test('fullName is optional and then null', async (t) => {
  const { fullName: _omit, ...body } = uniqueUser()
  const res = await registerRaw(body)
  t.equal(res.statusCode, 201)
  t.equal(res.json().data.user.fullName, null)
})

t.test('the stored password is a bcrypt hash at the configured cost, not the password', async (t) => {
  const body = uniqueUser()
  const res = await registerRaw(body)
  t.equal(res.statusCode, 201)
  const [row] = await app.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, res.json().data.user.id))
  const hash = row!.hash!
  t.not(hash, body.password)
  t.notMatch(hash, body.password)
  t.match(hash, /^\$2[aby]\$04\$[./A-Za-z0-9]{53}$/)
  t.equal(bcrypt.getRounds(hash), 4)
  t.equal(await bcrypt.compare(body.password, hash), true)
  t.equal(await bcrypt.compare(`${body.password}x`, hash), false)
})

t.test('a role in the body is refused, not ignored', async (t) => {
  for (const role of ['ADMIN', 'DOCTOR', 'PATIENT']) {
    const body = { ...uniqueUser(), role }
    const res = await registerRaw(body)
    assertInvalid(t, res, 'body.role', "unknown property 'role'")
    t.strictSame(res.json().error.details, [{ field: 'body.role', message: "unknown property 'role'" }])
    t.equal(await usersNamed(body.username), 0, `no user created with role ${role}`)
  }
})

t.test('missing, short and malformed fields are 400 with details naming the field', async (t) => {
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['missing username', { username: undefined }, 'body.username', "must have required property 'username'"],
    ['missing email', { email: undefined }, 'body.email', "must have required property 'email'"],
    ['missing password', { password: undefined }, 'body.password', "must have required property 'password'"],
    ['short password', { password: 'seven77' }, 'body.password', 'must NOT have fewer than 8 characters'],
    ['short username', { username: 'ab' }, 'body.username', 'must NOT have fewer than 3 characters'],
    ['long username', { username: 'a'.repeat(33) }, 'body.username', 'must NOT have more than 32 characters'],
    ['username with bad characters', { username: 'bad name' }, 'body.username', 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$"'],
    ['invalid email', { email: 'not-an-email' }, 'body.email', 'must match format "email"'],
    ['empty fullName', { fullName: '' }, 'body.fullName', 'must NOT have fewer than 1 characters'],
  ]
  for (const [name, override, field, message] of cases) {
    const res = await registerRaw({ ...uniqueUser(), ...override })
    t.equal(res.statusCode, 400, `${name}: status`)
    t.match(res.json(), { success: false, error: { code: 'VALIDATION_ERROR', message: `${field} ${message}`, requestId: String } }, `${name}: envelope`)
    t.strictSame(res.json().error.details, [{ field, message }], `${name}: details`)
  }
})

t.test('a password over 72 bytes is refused, not silently truncated', async (t) => {
  // 37 two-byte characters: 37 characters (under the 72-character schema limit) but 74 bytes.
  const tooLong = 'é'.repeat(37)
  const body = { ...uniqueUser(), password: tooLong }
  const res = await registerRaw(body)
  assertError(t, res, 400, 'VALIDATION_ERROR', 'body.password must be at most 72 bytes', [{ field: 'body.password', message: 'must be at most 72 bytes in UTF-8' }])
  t.strictSame(res.json().error.details, [{ field: 'body.password', message: 'must be at most 72 bytes in UTF-8' }])
  t.equal(await usersNamed(body.username), 0)

  const ascii = await registerRaw({ ...uniqueUser(), password: 'a'.repeat(73) })
  assertInvalid(t, ascii, 'body.password', 'must NOT have more than 72 characters')

  // 30 two-byte characters and a random 12-character tail: exactly 72 bytes.
  const exactly72 = await registerRaw({ ...uniqueUser(), password: 'é'.repeat(30) + 'xK9#mQ2$pL7!' })
  t.equal(exactly72.statusCode, 201, 'exactly 72 bytes is accepted')
})

t.test('JSON types are not coerced', async (t) => {
  const numberPassword = await registerRaw({ ...uniqueUser(), password: 12345678 })
  assertInvalid(t, numberPassword, 'body.password', 'must be string')
  t.strictSame(numberPassword.json().error.details, [{ field: 'body.password', message: 'must be string' }])

  const arrayEmail = await registerRaw({ ...uniqueUser(), email: ['a@b.co'] })
  assertInvalid(t, arrayEmail, 'body.email', 'must be string')
  t.strictSame(arrayEmail.json().error.details, [{ field: 'body.email', message: 'must be string' }])

  const numberName = await registerRaw({ ...uniqueUser(), username: 12345 })
  assertInvalid(t, numberName, 'body.username', 'must be string')
})

t.test('unreadable bodies', async (t) => {
  const broken = await app.inject({ method: 'POST', url: '/api/auth/register', payload: '{"username":', headers: { 'content-type': 'application/json' } })
  assertError(t, broken, 400, 'BAD_REQUEST', 'The request body is not valid JSON')
  const notJson = await app.inject({ method: 'POST', url: '/api/auth/register', payload: 'username=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  assertError(t, notJson, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON: send it with content-type: application/json')
})

t.test('a duplicate username (any case) or email (any case) is 409 CONFLICT', async (t) => {
  const first = uniqueUser('dup')
  t.equal((await registerRaw(first)).statusCode, 201)

  const sameName = await registerRaw({ ...uniqueUser(), username: first.username.toUpperCase() })
  assertError(t, sameName, 409, 'CONFLICT', 'A user with that username or email already exists')

  const sameEmail = await registerRaw({ ...uniqueUser(), email: first.email.toUpperCase() })
  assertError(t, sameEmail, 409, 'CONFLICT', 'A user with that username or email already exists')

  t.strictSame(sameName.json().error.message, sameEmail.json().error.message, 'the answer does not say which one clashed')
  t.equal(await usersNamed(first.username), 1)
})

t.test('two concurrent registrations of one username: one 201, one 409, one row', async (t) => {
  const a = uniqueUser('race')
  const b = { ...uniqueUser(), username: a.username.toUpperCase() }
  const [ra, rb] = await Promise.all([registerRaw(a), registerRaw(b)])
  t.strictSame([ra.statusCode, rb.statusCode].sort(), [201, 409])
  const loser = ra.statusCode === 409 ? ra : rb
  assertError(t, loser, 409, 'CONFLICT', 'A user with that username or email already exists')
  t.equal(await usersNamed(a.username), 1, 'exactly one row')

  const winner = ra.statusCode === 201 ? ra : rb
  const [sessionCount] = await app.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, winner.json().data.user.id))
  t.equal(sessionCount?.n, 1, 'the losing registration left no session behind')
})

t.test('two concurrent registrations of one email: one 201, one 409', async (t) => {
  const a = uniqueUser('race')
  const b = { ...uniqueUser(), email: a.email }
  const results = await Promise.all([registerRaw(a), registerRaw(b)])
  t.strictSame(results.map((r) => r.statusCode).sort(), [201, 409])
  const [row] = await app.db.select({ n: count() }).from(users).where(eq(users.email, a.email))
  t.equal(row?.n, 1)
})
