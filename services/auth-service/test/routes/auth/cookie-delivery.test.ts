import { assertError, assertOk, createTestDatabase } from '@rekam/testing'
import { eq } from 'drizzle-orm'
import { decodeJwt } from 'jose'
import t from 'tap'
import { sessions } from '../../../src/db/schema.js'
import { bearer, buildAppOn, register, uniqueUser } from '../../helper.js'
import {
  CLEARED, cookieLogin, cookieLogout, cookieRefresh, fromPortal, REFRESH_COOKIE, refreshCookieOf, setAttributes, setCookiesOf,
} from '../../cookies.js'

const INVALID = 'The refresh token is invalid or has expired'
const LOGGED_OUT = { success: true, data: null, message: 'Logged out' }
const COOKIE_TOKEN_KEYS = ['accessToken', 'expiresIn', 'refreshExpiresIn', 'tokenType']

const database = await createTestDatabase(t)
const app = await buildAppOn(t, database)

const sidOf = (accessToken: string) => String(decodeJwt(accessToken).sid)
async function revokedReason (accessToken: string) {
  const [row] = await app.db.select().from(sessions).where(eq(sessions.id, sidOf(accessToken)))
  return row?.revokedReason
}

t.test('register and login with tokenDelivery "cookie": the refresh token only in the HttpOnly cookie', async (t) => {
  const body = { ...uniqueUser(), tokenDelivery: 'cookie' }
  const registered = await app.inject({ method: 'POST', url: '/api/auth/register', payload: body })
  t.equal(registered.statusCode, 201)
  const { tokens } = registered.json().data
  t.strictSame(Object.keys(tokens).sort(), COOKIE_TOKEN_KEYS, 'no refreshToken in the body')
  t.strictSame(setCookiesOf(registered), [{ name: REFRESH_COOKIE, value: refreshCookieOf(registered), attributes: setAttributes(tokens.refreshExpiresIn) }])
  t.match(refreshCookieOf(registered), /^[\w-]{43}$/)

  const signedIn = await cookieLogin(app, body.username, body.password)
  t.strictSame(Object.keys(signedIn.tokens).sort(), COOKIE_TOKEN_KEYS)
  t.strictSame(setCookiesOf(signedIn.res), [{ name: REFRESH_COOKIE, value: signedIn.cookie, attributes: setAttributes(signedIn.tokens.refreshExpiresIn) }])
  t.ok(signedIn.tokens.refreshExpiresIn > 604_700 && signedIn.tokens.refreshExpiresIn <= 604_800, 'Max-Age is the refresh lifetime')
  t.equal((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(signedIn.tokens.accessToken) })).statusCode, 200)
})

t.test('body delivery is unchanged: the default and "body" set no cookie', async (t) => {
  const user = await register(app)
  for (const payload of [{ username: user.user.username, password: user.password }, { username: user.user.username, password: user.password, tokenDelivery: 'body' }]) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload })
    t.equal(res.statusCode, 200)
    t.strictSame(Object.keys(res.json().data.tokens).sort(), ['accessToken', 'expiresIn', 'refreshExpiresIn', 'refreshToken', 'tokenType'])
    t.strictSame(setCookiesOf(res), [], 'no Set-Cookie')
    const refreshed = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: res.json().data.tokens.refreshToken } })
    t.equal(refreshed.statusCode, 200)
    t.match(refreshed.json().data.tokens, { refreshToken: /^[\w-]{43}$/ })
    t.strictSame(setCookiesOf(refreshed), [])
  }
})

t.test('a cookie refresh rotates the cookie and answers by cookie', async (t) => {
  const user = await register(app)
  const { tokens, cookie } = await cookieLogin(app, user.user.username, user.password)
  // Even when asked for the body: a script must never read the token out of the HttpOnly cookie.
  for (const payload of [{}, { tokenDelivery: 'body' }]) {
    const res = await cookieRefresh(app, fromPortal(cookie), payload)
    t.equal(res.statusCode, 200)
    const next = res.json().data.tokens
    t.strictSame(Object.keys(next).sort(), COOKIE_TOKEN_KEYS)
    t.equal(sidOf(next.accessToken), sidOf(tokens.accessToken), 'the same session')
    t.not(refreshCookieOf(res), cookie, 'a new refresh token')
    t.strictSame(setCookiesOf(res), [{ name: REFRESH_COOKIE, value: refreshCookieOf(res), attributes: setAttributes(next.refreshExpiresIn) }])
  }
  const again = await cookieLogin(app, user.user.username, user.password)
  const rotated = refreshCookieOf(await cookieRefresh(app, fromPortal(again.cookie)))
  t.equal((await cookieRefresh(app, fromPortal(rotated))).statusCode, 200, 'the rotated cookie refreshes in turn')
})

t.test('a body token moves to the cookie with tokenDelivery "cookie"; a body token wins over the cookie', async (t) => {
  const user = await register(app)
  const moved = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: user.tokens.refreshToken, tokenDelivery: 'cookie' } })
  t.equal(moved.statusCode, 200)
  t.strictSame(Object.keys(moved.json().data.tokens).sort(), COOKIE_TOKEN_KEYS)
  t.equal((await cookieRefresh(app, fromPortal(refreshCookieOf(moved)))).statusCode, 200, 'the moved token works from the cookie')
  const browser = await cookieLogin(app, user.user.username, user.password)
  const other = await register(app)
  // No CSRF headers at all: a body token is not cookie-authenticated; the cookie is left alone.
  const res = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: other.tokens.refreshToken }, headers: { cookie: `${REFRESH_COOKIE}=${browser.cookie}` } })
  t.equal(res.statusCode, 200)
  t.equal(decodeJwt(res.json().data.tokens.accessToken).sub, other.user.id, 'the body\'s token was used')
  t.strictSame(setCookiesOf(res), [])
  t.equal((await cookieRefresh(app, fromPortal(browser.cookie))).statusCode, 200, 'the cookie still works')
})

t.test('reuse of a rotated cookie after the grace interval revokes the session and clears the cookie', async (t) => {
  const strict = await buildAppOn(t, database, { REFRESH_GRACE_SECONDS: '0' })
  const user = await register(strict)
  const first = await cookieLogin(strict, user.user.username, user.password)
  const rotated = await cookieRefresh(strict, fromPortal(first.cookie))
  t.equal(rotated.statusCode, 200)
  const reused = await cookieRefresh(strict, fromPortal(first.cookie))
  assertError(t, reused, 401, 'REFRESH_TOKEN_INVALID', INVALID)
  t.strictSame(setCookiesOf(reused), CLEARED)
  t.equal(await revokedReason(first.tokens.accessToken), 'refresh_reuse')
  const successor = await cookieRefresh(strict, fromPortal(refreshCookieOf(rotated)))
  assertError(t, successor, 401, 'REFRESH_TOKEN_INVALID', INVALID)
  t.strictSame(setCookiesOf(successor), CLEARED, 'the successor is dead too, and cleared')
})

t.test('logout by cookie: current and all clear the cookie, others does not', async (t) => {
  const user = await register(app)
  const browser = await cookieLogin(app, user.user.username, user.password)
  const others = await cookieLogout(app, fromPortal(browser.cookie), { scope: 'others' })
  t.strictSame(others.json(), LOGGED_OUT)
  t.strictSame(setCookiesOf(others), [], 'the cookie\'s session lives on')
  t.equal(await revokedReason(user.tokens.accessToken), 'logout_others')

  const current = await cookieLogout(app, fromPortal(browser.cookie))
  t.strictSame(current.json(), LOGGED_OUT)
  t.strictSame(setCookiesOf(current), CLEARED)
  t.equal(await revokedReason(browser.tokens.accessToken), 'logout')
  const after = await cookieRefresh(app, fromPortal(browser.cookie))
  assertError(t, after, 401, 'REFRESH_TOKEN_INVALID', INVALID)
  t.strictSame(setCookiesOf(after), CLEARED, 'a refresh that finds the session dead clears the cookie')
  const again = await cookieLogout(app, fromPortal(browser.cookie))
  t.strictSame(again.json(), LOGGED_OUT, 'idempotent')
  t.strictSame(setCookiesOf(again), CLEARED)

  const second = await cookieLogin(app, user.user.username, user.password)
  const all = await cookieLogout(app, fromPortal(second.cookie), { scope: 'all' })
  t.strictSame(setCookiesOf(all), CLEARED)
  t.equal(await revokedReason(second.tokens.accessToken), 'logout_all')
})

t.test('logout-all by bearer and ending one\'s own session clear the cookie when it is sent', async (t) => {
  const user = await register(app)
  const browser = await cookieLogin(app, user.user.username, user.password)
  const cookie = { cookie: `${REFRESH_COOKIE}=${browser.cookie}` }
  const all = await app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: { ...bearer(browser.tokens.accessToken), ...cookie } })
  assertOk(t, all, 200, null, 'All sessions ended')
  t.strictSame(setCookiesOf(all), CLEARED)
  const plain = await cookieLogin(app, user.user.username, user.password)
  const noCookie = await app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(plain.tokens.accessToken) })
  t.strictSame(setCookiesOf(noCookie), [], 'nothing to clear without the cookie')

  const mine = await cookieLogin(app, user.user.username, user.password)
  const other = await cookieLogin(app, user.user.username, user.password)
  const headers = { ...bearer(mine.tokens.accessToken), cookie: `${REFRESH_COOKIE}=${mine.cookie}` }
  const endOther = await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${sidOf(other.tokens.accessToken)}`, headers })
  assertOk(t, endOther, 200, null, 'Session ended')
  t.strictSame(setCookiesOf(endOther), [], 'another session ended: the cookie stays')
  const endOwn = await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${sidOf(mine.tokens.accessToken)}`, headers })
  assertOk(t, endOwn, 200, null, 'Session ended')
  t.strictSame(setCookiesOf(endOwn), CLEARED)
})

t.test('neither a body token nor the cookie: 401 REFRESH_TOKEN_INVALID', async (t) => {
  const none = 'No refresh token: send refreshToken in the body, or the refresh cookie'
  const portal = { origin: 'http://localhost:3000', 'x-rekam-csrf': '1' }
  assertError(t, await cookieRefresh(app, portal), 401, 'REFRESH_TOKEN_INVALID', none)
  assertError(t, await cookieLogout(app, portal), 401, 'REFRESH_TOKEN_INVALID', none)
  assertError(t, await cookieRefresh(app, { ...portal, cookie: `${REFRESH_COOKIE}=` }), 401, 'REFRESH_TOKEN_INVALID', none)
})
