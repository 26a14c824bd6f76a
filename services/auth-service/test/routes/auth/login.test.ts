import { performance } from 'node:perf_hooks'
import { assertError, assertInvalid, createTestDatabase } from '@rekam/testing'
import bcrypt from 'bcryptjs'
import { eq } from 'drizzle-orm'
import t from 'tap'
import { users } from '../../../src/db/schema.js'
import { bearer, buildAppOn, login, register } from '../../helper.js'

const INVALID = { code: 'INVALID_CREDENTIALS', message: 'Invalid username, email or password' }

// One database for the file; apps with other settings share it (every user is unique).
const database = await createTestDatabase(t)
const app = await buildAppOn(t, database)

function loginRaw (payload: unknown) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as Record<string, unknown> })
}

t.test('by username and by email, in any case: 200 with the user and a new token pair', async (t) => {
  const created = await register(app)
  for (const id of [created.user.username, created.user.username.toUpperCase(), created.user.email, created.user.email.toUpperCase()]) {
    const res = await login(app, id, created.password)
    t.equal(res.statusCode, 200, `login as ${id}`)
    t.match(res.json(), {
      success: true,
      data: {
        user: { id: created.user.id, username: created.user.username, email: created.user.email, role: 'PATIENT', blocked: false },
        tokens: { accessToken: String, refreshToken: String, tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: Number },
      },
    })
    t.notMatch(res.body, /passwordHash|\$2[aby]\$/)
    const { tokens } = res.json().data
    t.not(tokens.refreshToken, created.tokens.refreshToken, 'a new session, not the registration one')
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(tokens.accessToken) })
    t.equal(me.statusCode, 200)
    t.equal(me.json().data.user.id, created.user.id)
  }
})

t.test('wrong password and unknown user get the same 401', async (t) => {
  const created = await register(app)
  const wrong = await login(app, created.user.username, 'not-the-password')
  const wrongByEmail = await login(app, created.user.email, 'not-the-password')
  const unknown = await login(app, 'nobody-here', 'not-the-password')
  const unknownEmail = await login(app, 'nobody@example.test', 'not-the-password')
  for (const res of [wrong, wrongByEmail, unknown, unknownEmail]) {
    assertError(t, res, 401, INVALID.code, INVALID.message)
    t.strictSame(Object.keys(res.json().error).sort(), ['code', 'message', 'requestId'], 'no details to tell them apart')
  }
  const withoutId = (res: typeof wrong) => ({ ...res.json(), error: { ...res.json().error, requestId: undefined } })
  t.strictSame(withoutId(unknown), withoutId(wrong), 'identical bodies apart from the request id')
  t.strictSame(withoutId(unknownEmail), withoutId(wrongByEmail))
})

t.test('an unknown user costs a bcrypt compare too (timing does not reveal accounts)', async (t) => {
  // Cost 8 makes a compare take milliseconds, well above the noise of a request without one.
  const cost = 8
  const slow = await buildAppOn(t, database, { BCRYPT_COST: String(cost) })
  const created = await register(slow)
  const timed = async (payload: Record<string, string>) => {
    const start = performance.now()
    const res = await slow.inject({ method: 'POST', url: '/api/auth/login', payload })
    const elapsed = performance.now() - start
    t.equal(res.statusCode, 401)
    return elapsed
  }
  const wrongPassword = () => timed({ username: created.user.username, password: 'wrong-password' })
  const unknownUser = () => timed({ username: `unknown-${Math.random()}`, password: 'wrong-password' })
  const tooLong = () => timed({ username: created.user.username, password: 'x'.repeat(100) })

  // Warm up: the dummy hash is made lazily and the first queries prepare statements.
  await unknownUser()
  await wrongPassword()
  // Each kind's fastest round: its own cost, which a busy machine only ever adds to (sums of wall
  // time let one descheduled round decide). Each kind is held to the CPU time of one bcrypt
  // compare at the same cost, measured here, not to each other: a wrong password also records
  // the failed attempt, which a loaded database makes slow (118 ms against 29 for an unknown
  // user in one CI run).
  const rounds = 6
  const fastest = { wrong: Infinity, unknown: Infinity, tooLong: Infinity, compare: Infinity }
  const hash = await bcrypt.hash('some-password', cost)
  for (let i = 0; i < rounds; i++) {
    fastest.wrong = Math.min(fastest.wrong, await wrongPassword())
    fastest.unknown = Math.min(fastest.unknown, await unknownUser())
    fastest.tooLong = Math.min(fastest.tooLong, await tooLong())
    // Its CPU time, which load does not stretch (nothing else runs in this process meanwhile).
    const before = process.cpuUsage()
    bcrypt.compareSync('wrong-password', hash)
    const used = process.cpuUsage(before)
    fastest.compare = Math.min(fastest.compare, (used.user + used.system) / 1000)
  }
  const ms = (n: number) => `${n.toFixed(1)} ms`
  for (const kind of ['wrong', 'unknown', 'tooLong'] as const) {
    t.ok(fastest[kind] >= 0.5 * fastest.compare, `${kind}: ${ms(fastest[kind])} vs one bcrypt compare's CPU ${ms(fastest.compare)}`)
  }
})

t.test('give either username or email, not both and not neither', async (t) => {
  const created = await register(app)
  const both = await loginRaw({ username: created.user.username, email: created.user.email, password: created.password })
  assertError(t, both, 400, 'VALIDATION_ERROR', 'Give username or email (not both), and password', [{ field: 'body', message: 'must match exactly one schema in oneOf' }])

  const neither = await loginRaw({ password: created.password })
  assertError(t, neither, 400, 'VALIDATION_ERROR', 'Give username or email (not both), and password', [{ field: 'body.username', message: "must have required property 'username'" }, { field: 'body.email', message: "must have required property 'email'" }, { field: 'body', message: 'must match exactly one schema in oneOf' }])

  const noPassword = await loginRaw({ username: created.user.username })
  assertError(t, noPassword, 400, 'VALIDATION_ERROR', 'Give username or email (not both), and password', [{ field: 'body.password', message: "must have required property 'password'" }])

  const extra = await loginRaw({ username: created.user.username, password: created.password, remember: true })
  assertInvalid(t, extra, 'body.remember', "unknown property 'remember'")

  const numeric = await loginRaw({ username: created.user.username, password: 12345678 })
  assertInvalid(t, numeric, 'body.password', 'must be string')
})

t.test('a blocked user: 403 ACCOUNT_BLOCKED with the right password, 401 with a wrong one', async (t) => {
  const created = await register(app)
  await app.usersRepository.update(created.user.id, { blocked: true })

  const right = await login(app, created.user.username, created.password)
  assertError(t, right, 403, 'ACCOUNT_BLOCKED', 'This account is blocked')

  const wrong = await login(app, created.user.username, 'not-the-password')
  assertError(t, wrong, 401, INVALID.code, INVALID.message)

  await app.usersRepository.update(created.user.id, { blocked: false })
  t.equal((await login(app, created.user.username, created.password)).statusCode, 200, 'unblocked: signs in again')
})

t.test('a password longer than 72 bytes never signs in (no truncation)', async (t) => {
  // 60 repeated bytes and a random tail: 72 bytes, strong enough for the password policy.
  const password = 'p'.repeat(60) + 'xK9#mQ2$pL7!'
  const created = await register(app, { password })
  t.equal((await login(app, created.user.username, password)).statusCode, 200, 'the 72-byte password works')

  // bcrypt would ignore everything after byte 72 and accept these.
  for (const longer of [`${password}x`, `${password}${'y'.repeat(50)}`, `${password.slice(0, 71)}é`]) {
    const res = await login(app, created.user.username, longer)
    assertError(t, res, 401, INVALID.code, INVALID.message)
  }
})

t.test('a hash made at an older cost is upgraded on the next successful login', async (t) => {
  const before = await buildAppOn(t, database, { BCRYPT_COST: '4' })
  const created = await register(before)
  const hashOf = async () => (await before.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, created.user.id)))[0]!.hash!
  const original = await hashOf()
  t.equal(bcrypt.getRounds(original), 4)

  const after = await buildAppOn(t, database, { BCRYPT_COST: '5' })
  const failed = await login(after, created.user.username, 'not-the-password')
  assertError(t, failed, 401, INVALID.code, 'Invalid username, email or password')
  t.equal(await hashOf(), original, 'a failed login changes nothing')

  const res = await login(after, created.user.username, created.password)
  t.equal(res.statusCode, 200)
  const upgraded = await hashOf()
  t.not(upgraded, original)
  t.equal(bcrypt.getRounds(upgraded), 5)
  t.equal(await bcrypt.compare(created.password, upgraded), true, 'the new hash is of the same password')

  const again = await login(after, created.user.username, created.password)
  t.equal(again.statusCode, 200)
  t.equal(await hashOf(), upgraded, 'a hash at the current cost is left alone')
})
