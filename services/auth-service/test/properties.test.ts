import { ErrorEnvelopeSchema, ErrorStatus } from '@rekam/errors'
import { success, Type } from '@rekam/schemas'
import { assertError, assertInvalid } from '@rekam/testing'
import { startMailServer } from '@rekam/testing/mail'
import { envelopeCheck, fieldNamesOf, fuzzEveryRoute, routeRecorder, rowsOf, shapesFrom, strict, watchTables, type FuzzTarget, type Known, type Query, type Route } from '@rekam/testing/properties'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import t from 'tap'
import { bearer, buildTestApp, login, register, registerAs, uniqueUser, type Registered } from './helper.js'

// Requests per route (about 50 routes): enough to reach past validation and authentication
// on each, few enough for a small machine. The documentation pages are static and get fewer.
const RUNS = 40
// Every route of the service, one after another: this file may take longer than the package's
// per-file limit when the machine is busy with the other test lanes.
t.setTimeout(300_000)
const runsFor = (route: Route) => route.url.startsWith('/api/auth/docs') ? 10 : RUNS
const INTERNAL_SECRET = 'property-test-internal-secret-0123456789'

const recorder = routeRecorder()
// With a mail server: the routes that send mail answer as in use (not 503 MAIL_UNAVAILABLE).
const mailServer = await startMailServer(t)
const app = await buildTestApp(t, { env: { INTERNAL_SECRET, SMTP_URL: mailServer.url }, onRoute: recorder.onRoute })
const routes = recorder.routes
const roles = ['PATIENT', 'DOCTOR', 'ADMIN'] as const
type Role = typeof roles[number]
const people: Record<Role, Registered> = { PATIENT: await register(app), DOCTOR: await registerAs(app, 'DOCTOR'), ADMIN: await registerAs(app, 'ADMIN') }
// Someone the admin may block or promote, and whose session ids other users may try to end.
const bystander = await register(app)
const sessionOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid

const everyone = () => [bystander, ...Object.values(people)]
const fixtures = {
  tokens: () => Object.fromEntries(roles.map((role) => [role, people[role].tokens.accessToken])),
  known: (kind: Known['kind']) => kind === 'id'
    ? everyone().flatMap((p) => [p.user.id, sessionOf(p.tokens.accessToken)])
    : everyone().flatMap((p) => [p.user.username, p.user.email]),
}

/** A successful write may have ended a fixture's session, blocked it or changed its role (which ends its sessions). */
async function restorePeople () {
  for (const role of roles) {
    const person = people[role]
    if (await app.sessionsRepository.isActive(sessionOf(person.tokens.accessToken), person.user.id)) continue
    await app.usersRepository.update(person.user.id, { role, blocked: false })
    if (person.totpSecret) {
      // Staff sign in with a second factor; the fuzzer ends their sessions faster than TOTP steps
      // pass, so the fixture's session is opened directly, as a verified code would open it.
      const user = (await app.usersRepository.findById(person.user.id))!
      people[role] = { ...person, tokens: await app.sessionManager.start(user, { ip: '127.0.0.1', userAgent: 'fixture', requestId: 'fixture' }, undefined, ['pwd', 'otp'], 'totp') }
      continue
    }
    const res = await login(app, person.user.username, person.password)
    if (res.statusCode !== 200) throw new Error(`sign-in of the ${role} fixture failed: ${res.body}`)
    people[role] = { ...person, ...res.json().data }
  }
}

const query: Query = async (text) => rowsOf(await app.db.execute(sql.raw(text)))
// Written on a 4xx by design, so left out of the check: a failed sign-in is a LOGIN_FAILED
// security event (the login history and the admins' audit trail show it), and failed sign-ins
// and rate-limited requests are counted in rate_limits whatever the answer turns out to be. The
// mail sender marks the outbox in the background, after whichever request queued the mail. An
// event's client data (security_event_clients) is written with it; the seals are the sealer's.
const watch = await watchTables(query, ['security_events', 'security_event_clients', 'rate_limits', 'mail_outbox', 'audit_seals'])
const shapes = shapesFrom((await app.inject({ method: 'GET', url: '/api/auth/docs/json' })).json())

const target: FuzzTarget = {
  inject: (request) => app.inject(request),
  fixtures,
  roles: [...roles],
  shapes,
  // The internal routes are hidden from the OpenAPI document; their fields are named here.
  fieldNames: [...fieldNamesOf(shapes), 'token', 'token_type_hint', 'after'],
  headers: fc.oneof(fc.constant({}), fc.constant({ 'x-internal-secret': INTERNAL_SECRET })),
  checksum: watch.checksum,
  envelope: envelopeCheck(TypeCompiler.Compile(strict(success(Type.Unknown()))), TypeCompiler.Compile(strict(ErrorEnvelopeSchema)), ErrorStatus),
  rawSuccess: (route) => route.method === 'OPTIONS' || route.url.startsWith('/api/auth/docs') ||
    ['/.well-known/jwks.json', '/internal/introspect', '/internal/metrics'].includes(route.url),
  // Password reset and verification requests do their account's work after the answer: done before the next request.
  afterWrite: async () => {
    await app.afterAnswer.settled()
    await restorePeople()
  },
}

t.test('the routes and tables under test are the real ones', async (t) => {
  const names = routes.map((r) => `${r.method} ${r.url}`)
  const expected = [
    'POST /api/auth/register', 'POST /api/auth/login', 'POST /api/auth/refresh', 'POST /api/auth/logout',
    'POST /api/auth/logout-all', 'GET /api/auth/me', 'PUT /api/auth/profile', 'POST /api/auth/change-password',
    'GET /api/auth/sessions', 'DELETE /api/auth/sessions/:id', 'GET /api/auth/events', 'GET /api/auth/login-history',
    'GET /api/users', 'PATCH /api/users/:id', 'GET /.well-known/jwks.json', 'GET /internal/revocations',
    'POST /internal/introspect', 'GET /health/live', 'GET /health/ready', 'GET /api/auth/docs/json',
  ]
  t.strictSame(expected.filter((name) => !names.includes(name)), [], 'every known route is enumerated')
  t.ok(shapes.get('POST /api/auth/register')?.body?.properties?.username, 'body schemas come from the OpenAPI document')
  t.ok(shapes.get('GET /api/users')?.query.limit, 'query schemas too')
  t.strictSame(['users', 'sessions', 'refresh_tokens', 'revocations', 'signing_keys'].filter((name) => !watch.tables.includes(name)), [], 'the tables are watched')
})

const successes = fuzzEveryRoute(t, target, routes, runsFor)

t.test('authenticated paths were reached, not only refused', async (t) => {
  for (const name of ['GET /api/auth/me', 'GET /api/auth/sessions', 'GET /api/users', 'GET /api/auth/login-history', 'GET /internal/revocations']) {
    t.ok((successes.get(name) ?? 0) > 0, `${name} answered 2xx at least once`)
  }
})

t.test('what the properties found, pinned', async (t) => {
  const admin = bearer(people.ADMIN.tokens.accessToken)
  t.test('the router\'s own refusals are in the envelope', async (t) => {
    assertError(t, await app.inject({ method: 'GET', url: '/api/auth/docs/%zz' }), 400, 'BAD_REQUEST', 'The URL is not valid')
    const long = await app.inject({ method: 'PATCH', url: `/api/users/${'a'.repeat(101)}`, headers: admin, payload: { blocked: true } })
    assertError(t, long, 400, 'BAD_REQUEST', 'A path parameter is too long')
    // The CORS preflight route was added before the error handler was set, and kept Fastify's.
    const preflight = await app.inject({ method: 'OPTIONS', url: '/api/auth/me', headers: { 'content-type': '' }, payload: '' })
    assertError(t, preflight, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON: send it with content-type: application/json')
  })

  t.test('a NUL character is a validation error, not a failed insert (500)', async (t) => {
    const before = await watch.checksum()
    const res = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...uniqueUser(), fullName: 'a\u0000b' } })
    assertInvalid(t, res, 'body.fullName', 'must not contain a NUL character')
    t.strictSame(await watch.checksum(), before, 'nothing written')
    const search = await app.inject({ method: 'GET', url: '/api/users?search=a%00b', headers: admin })
    assertInvalid(t, search, 'querystring.search', 'must not contain a NUL character')
  })

  t.test('a timestamp outside years 1 to 9999 is a validation error, not a failed query (500)', async (t) => {
    for (const at of ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-14:00']) {
      const res = await app.inject({ method: 'GET', url: `/api/auth/events?from=${encodeURIComponent(at)}`, headers: admin })
      assertInvalid(t, res, 'querystring.from', 'must match format "date-time"')
    }
    const edge = await app.inject({ method: 'GET', url: '/api/auth/events?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z', headers: admin })
    t.equal(edge.statusCode, 200, 'the first and last instants PostgreSQL is sent are fine')
  })
})
