import { randomBytes } from 'node:crypto'
import { assertError, createTestDatabase } from '@rekam/testing'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { decodeJwt } from 'jose'
import t from 'tap'
import { refreshTokens, sessions } from '../../../src/db/schema.js'
import { hashRefreshToken } from '../../../src/lib/refresh-token.js'
import type { Tokens } from '../../../src/schemas/auth.js'
import { buildAppOn, register } from '../../helper.js'
import { INVALID, me, refresh, sessionIdOf } from './refresh-requests.js'

// Replays of a rotated token, reuse and concurrent refreshes: refresh-replay.test.ts.
// One database for the file; apps with other settings share it (every user is unique).
const database = await createTestDatabase(t)
const app = await buildAppOn(t, database)

t.test('refresh returns a new pair for the same session and the old token is spent', async (t) => {
  const { user, tokens } = await register(app)
  const res = await refresh(app, tokens.refreshToken)
  t.equal(res.statusCode, 200)
  t.strictSame(Object.keys(res.json()).sort(), ['data', 'success'])
  t.match(res.json(), {
    success: true,
    data: { tokens: { accessToken: String, refreshToken: /^[\w-]{43}$/, tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: Number } },
  })
  const next = res.json().data.tokens
  t.not(next.refreshToken, tokens.refreshToken)
  t.not(next.accessToken, tokens.accessToken)
  const before = decodeJwt(tokens.accessToken)
  const after = decodeJwt(next.accessToken)
  t.equal(after.sid, before.sid, 'same session')
  t.equal(after.sub, user.id)
  t.not(after.jti, before.jti, 'a new token id')

  const meRes = await me(app, next.accessToken)
  t.equal(meRes.statusCode, 200)
  t.equal(meRes.json().data.user.id, user.id)

  const chained = await refresh(app, next.refreshToken)
  t.equal(chained.statusCode, 200, 'the successor rotates in turn')
  t.not(chained.json().data.tokens.refreshToken, next.refreshToken)
})

t.test('refresh tokens are stored only as their SHA-256 hash', async (t) => {
  const { tokens } = await register(app)
  const raw = await app.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokens.refreshToken))
  t.equal(raw.length, 0, 'the token itself is not stored')
  const hashed = await app.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashRefreshToken(tokens.refreshToken)))
  t.equal(hashed.length, 1)
  t.match(hashed[0]!.tokenHash, /^[0-9a-f]{64}$/)
})

t.test('the new access token carries the current role', async (t) => {
  const { user, tokens } = await register(app)
  await app.usersRepository.update(user.id, { role: 'DOCTOR' })
  const res = await refresh(app, tokens.refreshToken)
  t.equal(res.statusCode, 200)
  t.equal(decodeJwt(res.json().data.tokens.accessToken).role, 'DOCTOR')
})

t.test('an expired refresh token fails; so does any token of an expired session', async (t) => {
  const short = await buildAppOn(t, database, { REFRESH_TOKEN_TTL: '60' })
  const { tokens } = await register(short)
  const issued = (await refresh(short, tokens.refreshToken)).json().data.tokens
  t.ok(issued.refreshExpiresIn <= 60 && issued.refreshExpiresIn >= 55, `refreshExpiresIn ${issued.refreshExpiresIn} follows REFRESH_TOKEN_TTL`)

  await short.db.update(refreshTokens)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(issued.refreshToken)))
  assertError(t, await refresh(short, issued.refreshToken), 401, 'REFRESH_TOKEN_INVALID', INVALID)

  const second = await register(short)
  await short.db.update(sessions)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(eq(sessions.id, sessionIdOf(second.tokens.accessToken)))
  assertError(t, await refresh(short, second.tokens.refreshToken), 401, 'REFRESH_TOKEN_INVALID', INVALID)
  assertError(t, await me(short, second.tokens.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
})

t.test('a refresh token never outlives its session (SESSION_MAX_LIFETIME)', async (t) => {
  const capped = await buildAppOn(t, database, { SESSION_MAX_LIFETIME: '120', REFRESH_TOKEN_TTL: '600' })
  const tokens = (await register(capped)).tokens as Tokens
  t.ok(tokens.refreshExpiresIn <= 120 && tokens.refreshExpiresIn >= 115, `at registration: ${tokens.refreshExpiresIn} s`)

  const sid = sessionIdOf(tokens.accessToken)
  // The session is near its end: the next refresh token must stop with it, not 600 s later.
  await capped.db.update(sessions).set({ expiresAt: sql`now() + interval '30 seconds'` }).where(eq(sessions.id, sid))
  const res = await refresh(capped, tokens.refreshToken)
  t.equal(res.statusCode, 200)
  const next = res.json().data.tokens
  t.ok(next.refreshExpiresIn <= 30 && next.refreshExpiresIn >= 25, `after refresh: ${next.refreshExpiresIn} s`)

  const [session] = await capped.db.select().from(sessions).where(eq(sessions.id, sid))
  const live = await capped.db.select().from(refreshTokens)
    .where(and(eq(refreshTokens.sessionId, sid), isNull(refreshTokens.rotatedAt)))
  t.equal(live.length, 1)
  t.ok(live[0]!.expiresAt.getTime() <= session!.expiresAt.getTime(), 'stored expiry within the session')

  // Without the cap, REFRESH_TOKEN_TTL applies as is.
  const uncapped = (await register(app)).tokens as Tokens
  t.ok(uncapped.refreshExpiresIn > 604_700 && uncapped.refreshExpiresIn <= 604_800)
})

t.test('a blocked user cannot refresh: 403 ACCOUNT_BLOCKED while the session is not yet ended', async (t) => {
  const { user, tokens } = await register(app)
  await app.usersRepository.update(user.id, { blocked: true })
  assertError(t, await refresh(app, tokens.refreshToken), 403, 'ACCOUNT_BLOCKED', 'This account is blocked')
  assertError(t, await me(app, tokens.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
})

t.test('unknown or garbage tokens are 401 REFRESH_TOKEN_INVALID', async (t) => {
  for (const token of [randomBytes(32).toString('base64url'), 'x'.repeat(20), '!'.repeat(256), 'not a token but long enough to pass']) {
    assertError(t, await refresh(app, token), 401, 'REFRESH_TOKEN_INVALID', INVALID)
  }
})

t.test('malformed bodies are 400', async (t) => {
  const cases: Array<[string, unknown, string]> = [
    ['number', { refreshToken: 1234567890123456 }, 'body.refreshToken must be string'],
    ['array', { refreshToken: ['a'.repeat(43)] }, 'body.refreshToken must be string'],
    ['too short', { refreshToken: 'short' }, 'body.refreshToken must NOT have fewer than 20 characters'],
    ['too long', { refreshToken: 'a'.repeat(257) }, 'body.refreshToken must NOT have more than 256 characters'],
    ['extra property', { refreshToken: 'a'.repeat(43), accessToken: 'x' }, "body.accessToken unknown property 'accessToken'"],
  ]
  for (const [name, payload, message] of cases) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: payload as Record<string, unknown> })
    t.equal(res.statusCode, 400, name)
    t.match(res.json(), { success: false, error: { code: 'VALIDATION_ERROR', message, details: Array, requestId: String } }, name)
  }
  // Neither a body token nor the cookie: the answer of a token that cannot be used.
  const none = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: {} })
  assertError(t, none, 401, 'REFRESH_TOKEN_INVALID', 'No refresh token: send refreshToken in the body, or the refresh cookie')
  const broken = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: '{"refreshToken":', headers: { 'content-type': 'application/json' } })
  assertError(t, broken, 400, 'BAD_REQUEST', 'The request body is not valid JSON')
  const empty = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: '', headers: { 'content-type': 'application/json' } })
  assertError(t, empty, 400, 'BAD_REQUEST', "Body cannot be empty when content-type is set to 'application/json'")
})
