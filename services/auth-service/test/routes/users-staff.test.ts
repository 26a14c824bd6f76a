import { createHash, randomUUID } from 'node:crypto'
import { and, asc, eq, inArray } from 'drizzle-orm'
import t from 'tap'
import { securityEvents, setPasswordTokens, users } from '../../src/db/schema.js'
import { bearer, buildTestApp, login, register, registerAs, uniqueUser } from '../helper.js'

const MAX_FAILURES = 3
const app = await buildTestApp(t, { env: { LOGIN_MAX_FAILURES: String(MAX_FAILURES) } })
const admin = await registerAs(app, 'ADMIN')
const patient = await register(app)

const createUser = (payload: object, token = admin.tokens.accessToken) =>
  app.inject({ method: 'POST', url: '/api/users', headers: bearer(token), payload })
const setPassword = (token: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token, password } })
const unlock = (id: string, token = admin.tokens.accessToken) =>
  app.inject({ method: 'POST', url: `/api/users/${id}/unlock`, headers: bearer(token) })
const envelope = (res: { headers: Record<string, unknown> }, code: string, message: string) =>
  ({ success: false, error: { code, message, requestId: String(res.headers['x-request-id']) } })
const tokenOf = (url: string) => new URL(url).hash.replace(/^#token=/, '')
const eventsOf = async (userId: string, types: Array<typeof securityEvents.$inferSelect.type>) =>
  (await app.db.select({ type: securityEvents.type, actorUserId: securityEvents.actorUserId, reason: securityEvents.reason })
    .from(securityEvents).where(and(eq(securityEvents.userId, userId), inArray(securityEvents.type, types)))
    .orderBy(asc(securityEvents.createdAt))).map((e) => ({ ...e }))
const INVALID_LINK = 'This set-password link is invalid, expired or already used; ask an administrator for a new one'
const STRONG = 'velvet-harbor-quartz-19'

function newDoctor () {
  const { username, email, fullName } = uniqueUser('dr')
  return { username, email, fullName, role: 'DOCTOR' as const }
}

t.test('POST /api/users creates a DOCTOR without a password and returns a one-time link for 72 hours', async (t) => {
  const doctor = newDoctor()
  const before = Date.now()
  const res = await createUser(doctor)
  t.equal(res.statusCode, 201)
  const body = res.json()
  const { user, setPasswordLink } = body.data
  t.strictSame(body, {
    success: true,
    message: 'User created',
    data: {
      user: { id: user.id, username: doctor.username, email: doctor.email, fullName: doctor.fullName, role: 'DOCTOR', blocked: false, emailVerified: false, locale: 'id', createdAt: user.createdAt, updatedAt: user.updatedAt },
      setPasswordLink: { url: setPasswordLink.url, expiresAt: setPasswordLink.expiresAt },
    },
  })
  t.match(setPasswordLink.url, /^http:\/\/localhost:3000\/set-password#token=[A-Za-z0-9_-]{43}$/, 'the portal page, token in the fragment')
  const ttl = Date.parse(setPasswordLink.expiresAt) - before
  t.ok(ttl > 72 * 3600_000 - 60_000 && ttl <= 72 * 3600_000 + 60_000, '72 hours')

  const [row] = await app.db.select().from(users).where(eq(users.id, user.id))
  t.equal(row!.passwordHash, null, 'no usable password')
  const stored = await app.db.select({ tokenHash: setPasswordTokens.tokenHash, createdBy: setPasswordTokens.createdBy }).from(setPasswordTokens).where(eq(setPasswordTokens.userId, user.id))
  const token = tokenOf(setPasswordLink.url)
  t.strictSame(stored.map((r) => ({ ...r })), [{ tokenHash: createHash('sha256').update(token).digest('hex'), createdBy: admin.user.id }], 'only the hash is stored, with who made it')
  t.strictSame(await eventsOf(user.id, ['USER_INVITED']), [{ type: 'USER_INVITED', actorUserId: admin.user.id, reason: 'DOCTOR via api' }])

  t.test('until the password is set, signing in answers exactly like a wrong password', async (t) => {
    const invited = await login(app, doctor.username, 'any-password-at-all')
    const wrong = await login(app, admin.user.username, 'not-the-admin-password')
    t.equal(invited.statusCode, 401)
    t.strictSame(invited.json(), envelope(invited, 'INVALID_CREDENTIALS', 'Invalid username, email or password'))
    t.strictSame({ ...wrong.json().error, requestId: '' }, { ...invited.json().error, requestId: '' }, 'the same body as a wrong password')
  })

  t.test('a weak password is refused and leaves the link usable; a good one sets it once, signing nothing in', async (t) => {
    const weak = await setPassword(token, 'password')
    t.equal(weak.statusCode, 400)
    t.equal(weak.json().error.code, 'VALIDATION_ERROR')
    const done = await setPassword(token, STRONG)
    t.equal(done.statusCode, 200)
    t.strictSame(done.json(), { success: true, data: null, message: 'Password set; sign in with it' })
    const again = await setPassword(token, 'another-fine-passphrase-42')
    t.equal(again.statusCode, 400)
    t.strictSame(again.json(), envelope(again, 'SET_PASSWORD_TOKEN_INVALID', INVALID_LINK))
    t.equal((await login(app, doctor.email, STRONG)).statusCode, 200, 'the owner signs in with the password set')
    expectInvalid(t, await login(app, doctor.email, 'another-fine-passphrase-42'))
    t.strictSame(await eventsOf(user.id, ['USER_INVITED', 'PASSWORD_SET']), [
      { type: 'USER_INVITED', actorUserId: admin.user.id, reason: 'DOCTOR via api' },
      { type: 'PASSWORD_SET', actorUserId: null, reason: null },
    ])
  })
})

function expectInvalid (t: { equal: (a: unknown, b: unknown) => void, strictSame: (a: unknown, b: unknown) => void }, res: Awaited<ReturnType<typeof login>>) {
  t.equal(res.statusCode, 401)
  t.strictSame(res.json(), envelope(res, 'INVALID_CREDENTIALS', 'Invalid username, email or password'))
}

t.test('a link is single use even when it is sent many times at once', async (t) => {
  const res = await createUser({ ...newDoctor(), role: 'ADMIN' })
  t.equal(res.json().data.user.role, 'ADMIN')
  const token = tokenOf(res.json().data.setPasswordLink.url)
  const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => setPassword(token, `${STRONG}-${i}`)))
  const statuses = answers.map((a) => a.statusCode).sort()
  t.strictSame(statuses, [200, 400, 400, 400, 400, 400], 'exactly one succeeds')
  for (const a of answers.filter((a) => a.statusCode === 400)) t.strictSame(a.json(), envelope(a, 'SET_PASSWORD_TOKEN_INVALID', INVALID_LINK))
  t.equal((await eventsOf(res.json().data.user.id, ['PASSWORD_SET'])).length, 1, 'one PASSWORD_SET event')
})

t.test('an unknown token is 400 SET_PASSWORD_TOKEN_INVALID; a malformed body is 400 VALIDATION_ERROR', async (t) => {
  const unknown = await setPassword('x'.repeat(43), STRONG)
  t.equal(unknown.statusCode, 400)
  t.strictSame(unknown.json(), envelope(unknown, 'SET_PASSWORD_TOKEN_INVALID', INVALID_LINK))
  const short = await setPassword('short', STRONG)
  t.equal(short.json().error.code, 'VALIDATION_ERROR')
})

t.test('POST /api/users refuses: taken username or email 409, a PATIENT role 400, non-admins 403, no token 401', async (t) => {
  const doctor = newDoctor()
  t.equal((await createUser(doctor)).statusCode, 201)
  for (const clash of [{ ...newDoctor(), username: doctor.username.toUpperCase() }, { ...newDoctor(), email: doctor.email }]) {
    const res = await createUser(clash)
    t.equal(res.statusCode, 409)
    t.strictSame(res.json(), envelope(res, 'CONFLICT', 'A user with that username or email already exists'))
  }
  const patientRole = await createUser({ ...newDoctor(), role: 'PATIENT' })
  t.equal(patientRole.statusCode, 400)
  t.equal(patientRole.json().error.code, 'VALIDATION_ERROR')
  const byPatient = await createUser(newDoctor(), patient.tokens.accessToken)
  t.strictSame(byPatient.json(), envelope(byPatient, 'FORBIDDEN', byPatient.json().error.message))
  t.equal(byPatient.statusCode, 403)
  const anonymous = await app.inject({ method: 'POST', url: '/api/users', payload: newDoctor() })
  t.equal(anonymous.statusCode, 401)
})

t.test('POST /api/users/:id/unlock clears the account\'s sign-in lockout, audited', async (t) => {
  const locked = await register(app)
  for (let i = 0; i < MAX_FAILURES; i++) expectInvalid(t, await login(app, locked.user.username, `wrong-guess-${i}`))
  t.equal((await login(app, locked.user.email, locked.password)).statusCode, 429, 'locked out, right password included')

  const res = await unlock(locked.user.id)
  t.equal(res.statusCode, 200)
  const { user } = res.json().data
  t.strictSame(res.json(), {
    success: true,
    message: 'Sign-in lockout cleared',
    data: { user: { id: locked.user.id, username: locked.user.username, email: locked.user.email, fullName: user.fullName, role: 'PATIENT', blocked: false, emailVerified: false, locale: 'id', createdAt: user.createdAt, updatedAt: user.updatedAt } },
  })
  t.equal((await login(app, locked.user.username, locked.password)).statusCode, 200, 'signs in again')
  t.strictSame(await eventsOf(locked.user.id, ['LOCKOUT_CLEARED']), [{ type: 'LOCKOUT_CLEARED', actorUserId: admin.user.id, reason: null }])

  const missing = await unlock(randomUUID())
  t.equal(missing.statusCode, 404)
  t.strictSame(missing.json(), envelope(missing, 'NOT_FOUND', 'User not found'))
  const byPatient = await unlock(locked.user.id, patient.tokens.accessToken)
  t.equal(byPatient.statusCode, 403)
})
