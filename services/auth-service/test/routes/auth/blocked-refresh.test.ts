import { assertError, createTestDatabase } from '@rekam/testing'
import { eq, sql } from 'drizzle-orm'
import { decodeJwt } from 'jose'
import t from 'tap'
import { refreshTokens, sessions } from '../../../src/db/schema.js'
import { hashRefreshToken } from '../../../src/lib/refresh-token.js'
import type { AuthApp } from '../../../src/app.js'
import { bearer, buildAppOn, register, registerAs, type Registered } from '../../helper.js'
import { CLEARED, cookieLogin, cookieLogout, cookieRefresh, fromPortal, refreshCookieOf, setCookiesOf } from '../../cookies.js'

const INVALID = 'The refresh token is invalid or has expired'
const BLOCKED = 'This account is blocked'

// Grace 0: a rotated token is spent at once, so "a token that would have been exchanged" is sharp.
const database = await createTestDatabase(t)
const app = await buildAppOn(t, database, { REFRESH_GRACE_SECONDS: '0' })
const admin = await registerAs(app, 'ADMIN')

function refresh (on: AuthApp, refreshToken: string) {
  return on.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })
}

/** Blocks or unblocks through the admin route, which ends the user's sessions as 'user_blocked'. */
async function setBlocked (user: Registered, blocked: boolean) {
  const res = await app.inject({ method: 'PATCH', url: `/api/users/${user.user.id}`, headers: bearer(admin.tokens.accessToken), payload: { blocked } })
  if (res.statusCode !== 200) throw new Error(`PATCH failed: ${res.body}`)
}

async function revokedReason (accessToken: string) {
  const [row] = await app.db.select().from(sessions).where(eq(sessions.id, String(decodeJwt(accessToken).sid)))
  return row?.revokedReason
}

t.test('a session ended by the block: its tokens refresh to 403 ACCOUNT_BLOCKED, and the cookie is cleared', async (t) => {
  const user = await register(app)
  const browser = await cookieLogin(app, user.user.username, user.password)
  await setBlocked(user, true)
  t.equal(await revokedReason(browser.tokens.accessToken), 'user_blocked')

  const byCookie = await cookieRefresh(app, fromPortal(browser.cookie))
  assertError(t, byCookie, 403, 'ACCOUNT_BLOCKED', BLOCKED)
  t.strictSame(setCookiesOf(byCookie), CLEARED)
  const byBody = await refresh(app, user.tokens.refreshToken)
  assertError(t, byBody, 403, 'ACCOUNT_BLOCKED', BLOCKED)
  t.strictSame(setCookiesOf(byBody), [], 'a body token sets no cookie')
  assertError(t, await refresh(app, user.tokens.refreshToken), 403, 'ACCOUNT_BLOCKED', BLOCKED)
})

t.test('a session revoked by other means stays 401 REFRESH_TOKEN_INVALID, blocked user or not', async (t) => {
  const user = await register(app)
  const browser = await cookieLogin(app, user.user.username, user.password)
  t.equal((await cookieLogout(app, fromPortal(browser.cookie))).statusCode, 200)
  const loggedOut = await cookieRefresh(app, fromPortal(browser.cookie))
  assertError(t, loggedOut, 401, 'REFRESH_TOKEN_INVALID', INVALID)
  t.strictSame(setCookiesOf(loggedOut), CLEARED)

  await setBlocked(user, true)
  t.equal(await revokedReason(browser.tokens.accessToken), 'logout', 'the first reason is kept')
  assertError(t, await cookieRefresh(app, fromPortal(browser.cookie)), 401, 'REFRESH_TOKEN_INVALID', INVALID)
})

t.test('a spent or expired token of a blocked user is 401 REFRESH_TOKEN_INVALID, and detects no reuse', async (t) => {
  const user = await register(app)
  const browser = await cookieLogin(app, user.user.username, user.password)
  const rotated = await cookieRefresh(app, fromPortal(browser.cookie))
  t.equal(rotated.statusCode, 200)
  const expiring = await register(app)
  await setBlocked(user, true)
  await setBlocked(expiring, true)

  assertError(t, await cookieRefresh(app, fromPortal(browser.cookie)), 401, 'REFRESH_TOKEN_INVALID', INVALID)
  t.equal(await revokedReason(browser.tokens.accessToken), 'user_blocked', 'not re-ended as refresh_reuse')
  assertError(t, await cookieRefresh(app, fromPortal(refreshCookieOf(rotated))), 403, 'ACCOUNT_BLOCKED', BLOCKED)

  await app.db.update(refreshTokens).set({ expiresAt: sql`now() - interval '1 second'` })
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(expiring.tokens.refreshToken)))
  assertError(t, await refresh(app, expiring.tokens.refreshToken), 401, 'REFRESH_TOKEN_INVALID', INVALID)
})

t.test('once unblocked, the ended session stays ended (401) and the user signs in again', async (t) => {
  const user = await register(app)
  await setBlocked(user, true)
  await setBlocked(user, false)
  assertError(t, await refresh(app, user.tokens.refreshToken), 401, 'REFRESH_TOKEN_INVALID', INVALID)
  const again = await cookieLogin(app, user.user.username, user.password)
  t.equal((await cookieRefresh(app, fromPortal(again.cookie))).statusCode, 200)
})
