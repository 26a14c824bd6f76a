import { assertError, createTestDatabase } from '@rekam/testing'
import { eq } from 'drizzle-orm'
import { decodeJwt } from 'jose'
import t from 'tap'
import { securityEvents } from '../../../src/db/schema.js'
import { buildAppOn, register } from '../../helper.js'
import { cookieLogin, cookieLogout, cookieRefresh, fromPortal, REFRESH_COOKIE, refreshCookieOf, setCookiesOf } from '../../cookies.js'

const REJECTED = 'Cross-site request refused: a request using the session cookie must come from rekam\'s own pages'
// The gateway's own origin is PUBLIC_URL's (its path left out); CORS_ORIGINS adds others.
const GATEWAY = 'https://rekam.clinic.example'
const LISTED = ['https://portal.clinic.example', 'http://localhost:5173']

const database = await createTestDatabase(t)
const app = await buildAppOn(t, database, { PUBLIC_URL: `${GATEWAY}/rekam`, CORS_ORIGINS: ` ${LISTED.join(' , ')} ` })

/** The CSRF_REJECTED events of one request. */
async function eventsOf (requestId: string) {
  const rows = await app.db.select({ type: securityEvents.type, reason: securityEvents.reason, userId: securityEvents.userId, sessionId: securityEvents.sessionId })
    .from(securityEvents).where(eq(securityEvents.requestId, requestId))
  return [...rows]
}

async function browserSession () {
  const user = await register(app)
  const browser = await cookieLogin(app, user.user.username, user.password)
  return { userId: user.user.id, sessionId: String(decodeJwt(browser.tokens.accessToken).sid), cookie: browser.cookie }
}

const without = (headers: Record<string, string>, name: string) => Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name))

t.test('each CSRF rule refuses a cookie refresh or logout with 403 CSRF_REJECTED and a security event', async (t) => {
  const cases: Array<[string, (h: Record<string, string>) => Record<string, string>, string]> = [
    ['missing x-rekam-csrf', (h) => without(h, 'x-rekam-csrf'), 'missing_csrf_header'],
    ['x-rekam-csrf other than 1', (h) => ({ ...h, 'x-rekam-csrf': 'true' }), 'missing_csrf_header'],
    ['a foreign Origin', (h) => ({ ...h, origin: 'https://evil.example' }), 'origin_not_allowed'],
    ['the gateway\'s host over another scheme', (h) => ({ ...h, origin: 'http://rekam.clinic.example' }), 'origin_not_allowed'],
    ['Origin null', (h) => ({ ...h, origin: 'null' }), 'origin_not_allowed'],
    ['a missing Origin', (h) => without(h, 'origin'), 'missing_origin'],
    ['Sec-Fetch-Site cross-site', (h) => ({ ...h, 'sec-fetch-site': 'cross-site' }), 'cross_site'],
    ['Sec-Fetch-Site none', (h) => ({ ...h, 'sec-fetch-site': 'none' }), 'cross_site'],
  ]
  for (const [name, forge, reason] of cases) {
    const session = await browserSession()
    for (const send of [cookieRefresh, cookieLogout]) {
      const requestId = `csrf-${reason}-${send.name}-${Math.random().toString(36).slice(2, 8)}`
      const res = await send(app, { ...forge(fromPortal(session.cookie, GATEWAY)), 'x-request-id': requestId })
      assertError(t, res, 403, 'CSRF_REJECTED', REJECTED)
      t.strictSame(setCookiesOf(res), [], `${name}: the cookie is neither replaced nor cleared`)
      t.strictSame(await eventsOf(requestId), [{ type: 'CSRF_REJECTED', reason, userId: session.userId, sessionId: session.sessionId }], `${name}: the event`)
    }
    // Nothing was exchanged or ended: the page's own request still works with the same cookie.
    t.equal((await cookieRefresh(app, fromPortal(session.cookie, GATEWAY))).statusCode, 200, `${name}: the session is untouched`)
  }
})

t.test('a cookie of no known session is refused all the same, its event without a user', async (t) => {
  const res = await cookieRefresh(app, { ...fromPortal('x'.repeat(43), 'https://evil.example'), 'x-request-id': 'csrf-unknown-cookie' })
  assertError(t, res, 403, 'CSRF_REJECTED', REJECTED)
  t.strictSame(await eventsOf('csrf-unknown-cookie'), [{ type: 'CSRF_REJECTED', reason: 'origin_not_allowed', userId: null, sessionId: null }])
})

t.test('the gateway\'s origin and each CORS_ORIGINS origin pass; Sec-Fetch-Site may be same-site or absent', async (t) => {
  const session = await browserSession()
  let cookie = session.cookie
  for (const origin of [GATEWAY, ...LISTED]) {
    for (const site of ['same-origin', 'same-site', undefined]) {
      const headers = fromPortal(cookie, origin)
      const res = await cookieRefresh(app, site === undefined ? without(headers, 'sec-fetch-site') : { ...headers, 'sec-fetch-site': site })
      t.equal(res.statusCode, 200, `${origin}, Sec-Fetch-Site ${site ?? 'absent'}`)
      cookie = refreshCookieOf(res)
    }
  }
  // A listed origin's page passes the preflight its x-rekam-csrf header forces, with credentials.
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/api/auth/refresh',
    headers: { origin: LISTED[0]!, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-rekam-csrf' },
  })
  t.equal(preflight.statusCode, 204)
  t.equal(preflight.headers['access-control-allow-origin'], LISTED[0])
  t.equal(preflight.headers['access-control-allow-credentials'], 'true')
  t.match(preflight.headers['access-control-allow-headers'], /(^|, *)x-rekam-csrf(,|$)/)
  const logout = await cookieLogout(app, fromPortal(cookie, LISTED[0]))
  t.equal(logout.statusCode, 200)
  t.equal(setCookiesOf(logout)[0]?.attributes['Max-Age'], '0', 'logged out and cleared')
})

t.test('a token in the body is not checked: any Origin, no header, no event', async (t) => {
  const user = await register(app)
  const session = await browserSession()
  const headers = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', cookie: `${REFRESH_COOKIE}=${session.cookie}`, 'x-request-id': 'csrf-body-token' }
  const res = await cookieRefresh(app, headers, { refreshToken: user.tokens.refreshToken })
  t.equal(res.statusCode, 200)
  t.strictSame(await eventsOf('csrf-body-token'), [])
})

t.test('the events are bounded per client address (RATE_LIMIT_REFRESH a minute); the refusals are not', async (t) => {
  // The counters live in the file's shared database: an address of this test's own, from a trusted gateway.
  const limited = await buildAppOn(t, database, { RATE_LIMIT_REFRESH: '2', TRUST_PROXY: '127.0.0.1' })
  const forged = { ...fromPortal('y'.repeat(43), 'https://evil.example'), 'x-forwarded-for': '203.0.113.9' }
  const recorded: number[] = []
  for (let i = 0; i < 4; i++) {
    const requestId = `csrf-bounded-${i}-${Math.random().toString(36).slice(2, 8)}`
    assertError(t, await cookieRefresh(limited, { ...forged, 'x-request-id': requestId }), 403, 'CSRF_REJECTED', REJECTED)
    recorded.push((await eventsOf(requestId)).length)
  }
  t.strictSame(recorded, [1, 1, 0, 0])
})

t.test('the default PUBLIC_URL allows its origin under each loopback name, and nothing else', async (t) => {
  const plain = await buildAppOn(t, database)
  const user = await register(plain)
  let { cookie } = await cookieLogin(plain, user.user.username, user.password)
  for (const origin of [GATEWAY, 'http://localhost:3001', 'https://localhost:3000', 'http://127.0.0.2:3000']) {
    assertError(t, await cookieRefresh(plain, fromPortal(cookie, origin)), 403, 'CSRF_REJECTED', REJECTED)
  }
  for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
    const res = await cookieRefresh(plain, fromPortal(cookie, origin))
    t.equal(res.statusCode, 200, origin)
    cookie = refreshCookieOf(res)
  }
})
