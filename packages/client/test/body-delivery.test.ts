import t from 'tap'
import { createRekamClient, RekamApiError, unwrap, type SessionState } from '../src/index.js'
import { countingFetch, DEMO, fieldsOf, newPatient, realClock, startStack, signedIn, signInStaff } from './helpers/stack.js'

const stack = await startStack(t)
const baseUrl = { auth: stack.authUrl, records: stack.recordsUrl }

t.test('signs in by email and calls both services with the bearer', async (t) => {
  const { fetch, paths } = countingFetch()
  const states: SessionState[] = []
  const rekam = createRekamClient({ baseUrl, delivery: 'body', fetch, now: realClock })
  rekam.subscribe((state) => states.push(state))
  t.equal(rekam.user, null)
  const user = signedIn(await rekam.signIn(DEMO.andi))
  t.equal(user.email, DEMO.andi.email)
  t.equal(user.role, 'PATIENT')
  t.strictSame(rekam.user, user)
  t.strictSame(states, [{ user }])

  const me = unwrap(await rekam.auth.GET('/api/auth/me'))
  t.strictSame(me.user, user)
  const records = unwrap(await rekam.records.GET('/api/records', { params: { query: { page: 1, limit: 5 } } }))
  t.equal(records.page, 1)
  t.equal(records.limit, 5)
  t.ok(records.items.length > 0, 'the demo patient has records')
  t.ok(records.items.every((record) => record.doctor.fullName.length > 0), 'each with its doctor')
  t.strictSame(paths, ['POST /api/auth/login', 'GET /api/auth/me', 'GET /api/records'])
})

t.test('signs in by username after registering', async (t) => {
  const input = newPatient()
  const registering = createRekamClient({ baseUrl, delivery: 'body', now: realClock })
  const { user: registered, emailVerificationRequired } = await registering.register(input)
  t.equal(emailVerificationRequired, false)
  t.strictSame([registered.username, registered.email, registered.fullName, registered.role], [input.username, input.email, input.fullName, 'PATIENT'])
  const rekam = createRekamClient({ baseUrl, delivery: 'body', now: realClock })
  const user = await rekam.signIn({ username: input.username, password: input.password })
  t.strictSame(user, registered)
  t.strictSame(await rekam.resume(), user, 'resume reads the signed-in user again')
  t.equal(await createRekamClient({ baseUrl, delivery: 'body' }).resume(), null, 'nothing to resume without a sign-in')
})

t.test('unwrap throws the error envelope as a RekamApiError', async (t) => {
  const rekam = createRekamClient({ baseUrl, delivery: 'body', now: realClock })
  const result = await rekam.auth.GET('/api/auth/me')
  const requestId = result.response.headers.get('x-request-id')
  t.ok(requestId)
  const error = await t.rejects(async () => unwrap(result)) as unknown
  t.ok(error instanceof RekamApiError)
  const { name, status, code, message, details, requestId: id } = error as RekamApiError
  t.strictSame({ name, status, code, message, details, requestId: id }, {
    name: 'RekamApiError', status: 401, code: 'UNAUTHORIZED', message: 'A bearer access token is required', details: undefined, requestId,
  })

  const invalid = await rekam.signIn({ email: DEMO.andi.email, password: 'wrong-password' }).catch((err: unknown) => err)
  t.ok(invalid instanceof RekamApiError)
  t.strictSame(fieldsOf(invalid), {
    name: 'RekamApiError', status: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid username, email or password', details: undefined, requestId: fieldsOf(invalid).requestId,
  })
  t.match(fieldsOf(invalid).requestId, /\S/)
  t.equal(rekam.user, null)

  await signInStaff(rekam, DEMO.sari, stack)
  const tooMany = await rekam.records.GET('/api/records', { params: { query: { limit: 1000 } } })
  const validation = await t.rejects(async () => unwrap(tooMany)) as unknown as RekamApiError
  t.strictSame({ ...validation, message: validation.message }, {
    name: 'RekamApiError',
    status: 400,
    code: 'VALIDATION_ERROR',
    message: 'querystring.limit must be <= 100',
    details: [{ field: 'querystring.limit', message: 'must be <= 100' }],
    requestId: tooMany.response.headers.get('x-request-id'),
  })
})

t.test('signOut ends the session on the server and reports SIGNED_OUT', async (t) => {
  const reasons: string[] = []
  const rekam = createRekamClient({ baseUrl, delivery: 'body', now: realClock, onSignedOut: (reason) => reasons.push(reason) })
  await signInStaff(rekam, DEMO.sari, stack)
  const states: SessionState[] = []
  rekam.subscribe((state) => states.push(state))
  await rekam.signOut()
  t.equal(rekam.user, null)
  t.strictSame(reasons, ['SIGNED_OUT'])
  t.strictSame(states, [{ user: null, reason: 'SIGNED_OUT' }])
  const after = await rekam.auth.GET('/api/auth/me')
  t.equal(after.response.status, 401)
})
