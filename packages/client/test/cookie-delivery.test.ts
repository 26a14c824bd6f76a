import t from 'tap'
import { createRekamClient, RekamApiError, unwrap, type SignedOutReason } from '../src/index.js'
import { browserFetch, CookieJar } from './helpers/browser-fetch.js'
import { DEMO, fieldsOf, newPatient, realClock, serverClock, startStack, signedIn, signInStaff } from './helpers/stack.js'

// The page's origin: auth-service allows cookie-authenticated requests from its PUBLIC_URL.
const ORIGIN = 'http://portal.test'
const stack = await startStack(t, { PUBLIC_URL: ORIGIN })
const baseUrl = { auth: stack.authUrl, records: stack.recordsUrl }
const COOKIE = '__Host-rekam-refresh'
const MINUTE = 60_000

/** A page of a browser with this cookie jar, on the portal's origin. */
function page (jar = new CookieJar(), clock: () => number = realClock) {
  const sent: Request[] = []
  const reasons: SignedOutReason[] = []
  const rekam = createRekamClient({
    baseUrl, delivery: 'cookie', fetch: browserFetch(jar, ORIGIN, sent), now: clock, onSignedOut: (reason) => reasons.push(reason),
  })
  return { rekam, jar, sent, reasons }
}

const pathOf = (request: Request) => `${request.method} ${new URL(request.url).pathname}`

t.test('signs in with the refresh token only in the HttpOnly cookie', async (t) => {
  const { rekam, jar, sent } = page()
  const user = signedIn(await rekam.signIn(DEMO.andi))
  t.equal(user.email, DEMO.andi.email)
  t.strictSame(await sent[0]?.json(), { ...DEMO.andi, tokenDelivery: 'cookie' })
  t.strictSame([...jar.cookies.keys()], [COOKIE])
  t.match(jar.setCookies[0], /^__Host-rekam-refresh=[\w-]{43}; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Strict$/)
  const records = unwrap(await rekam.records.GET('/api/records', { params: { query: { limit: 2 } } }))
  t.equal(records.limit, 2)
})

t.test('resume() refreshes from the cookie with the CSRF header; null without a session', async (t) => {
  const jar = new CookieJar()
  const first = page(jar)
  const user = await signInStaff(first.rekam, DEMO.sari, stack)
  const cookieBefore = jar.cookies.get(COOKIE)?.value

  const reloaded = page(jar)
  t.equal(reloaded.rekam.user, null)
  t.strictSame(await reloaded.rekam.resume(), user)
  t.strictSame(reloaded.rekam.user, user)
  const refresh = reloaded.sent[0]!
  t.equal(pathOf(refresh), 'POST /api/auth/refresh')
  t.equal(refresh.headers.get('x-rekam-csrf'), '1')
  t.equal(refresh.headers.get('cookie'), `${COOKIE}=${cookieBefore}`)
  t.strictSame(await refresh.json(), {}, 'no token in the body')
  t.not(jar.cookies.get(COOKIE)?.value, cookieBefore, 'the refresh rotated the cookie')

  const fresh = page()
  t.equal(await fresh.rekam.resume(), null)
  t.strictSame(fresh.reasons, [], 'no session is not a signed-out event')
})

t.test('register in cookie delivery, then signOut clears the cookie', async (t) => {
  const { rekam, jar, sent, reasons } = page()
  const input = newPatient()
  const { user } = await rekam.register(input)
  t.equal(user.username, input.username)
  t.ok(jar.cookies.has(COOKIE))
  await rekam.signOut()
  const logout = sent.at(-1)!
  t.equal(pathOf(logout), 'POST /api/auth/logout')
  t.equal(logout.headers.get('x-rekam-csrf'), '1')
  t.strictSame(await logout.json(), { scope: 'current' })
  t.strictSame([...jar.cookies.keys()], [], 'the cookie is cleared')
  t.strictSame(reasons, ['SIGNED_OUT'])
  t.equal(await page(jar).rekam.resume(), null, 'the session is over')
})

t.test('a refused CSRF check surfaces as RekamApiError CSRF_REJECTED', async (t) => {
  const jar = new CookieJar()
  await page(jar).rekam.signIn(DEMO.andi)
  const sent: Request[] = []
  const forged = createRekamClient({ baseUrl, delivery: 'cookie', fetch: browserFetch(jar, 'http://evil.test', sent) })
  const error = await forged.resume().catch((err: unknown) => err)
  t.ok(error instanceof RekamApiError)
  const refused = sent.find((request) => request.url.endsWith('/api/auth/refresh'))
  t.equal(refused?.headers.get('origin'), 'http://evil.test')
  t.strictSame(fieldsOf(error), {
    name: 'RekamApiError', status: 403, code: 'CSRF_REJECTED', message: 'Cross-site request refused: a request using the session cookie must come from rekam\'s own pages', details: undefined, requestId: fieldsOf(error).requestId,
  })
})

t.test('refreshes before expiry from the cookie', async (t) => {
  let ahead = 0
  const { rekam, sent } = page(new CookieJar(), () => realClock() + ahead)
  await rekam.signIn(DEMO.andi)
  ahead = 15 * MINUTE
  unwrap(await rekam.auth.GET('/api/auth/me'))
  t.strictSame(sent.map(pathOf), ['POST /api/auth/login', 'POST /api/auth/refresh', 'GET /api/auth/me'])
})

t.test('a request answered TOKEN_EXPIRED is retried once after a refresh from the cookie', async (t) => {
  const { rekam, sent, reasons } = page()
  await rekam.signIn(DEMO.andi)
  serverClock.advance(16 * MINUTE)
  const me = unwrap(await rekam.auth.GET('/api/auth/me'))
  t.equal(me.user.email, DEMO.andi.email)
  t.strictSame(sent.map(pathOf), ['POST /api/auth/login', 'GET /api/auth/me', 'POST /api/auth/refresh', 'GET /api/auth/me'])
  t.strictSame(reasons, [])
})

t.test('a blocked account is signed out as ACCOUNT_BLOCKED and the cookie cleared', async (t) => {
  const input = newPatient()
  const { rekam, jar, reasons } = page()
  const { user } = await rekam.register(input)
  const admin = createRekamClient({ baseUrl, delivery: 'body' })
  await signInStaff(admin, DEMO.admin, stack)
  unwrap(await admin.auth.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { blocked: true } }))
  const answer = await rekam.auth.GET('/api/auth/me')
  t.equal(answer.response.status, 401)
  t.strictSame(reasons, ['ACCOUNT_BLOCKED'])
  t.strictSame([...jar.cookies.keys()], [])
})
