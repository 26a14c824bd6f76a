import { assertError } from '@rekam/testing'
import t from 'tap'
import { createRekamClient, unwrap, type SessionState, type SignedOutReason } from '../src/index.js'
import { answerOf, DEMO, fieldsOf, newPatient, realClock, startStack, signInStaff } from './helpers/stack.js'

const stack = await startStack(t)
const baseUrl = { auth: stack.authUrl, records: stack.recordsUrl }

/** A client on body delivery with the reasons it reports. */
function watchedClient () {
  const reasons: SignedOutReason[] = []
  const states: SessionState[] = []
  const rekam = createRekamClient({ baseUrl, delivery: 'body', now: realClock, onSignedOut: (reason) => reasons.push(reason) })
  rekam.subscribe((state) => states.push(state))
  return { rekam, reasons, states }
}

t.test('a session ended elsewhere is TOKEN_REVOKED on the next request', async (t) => {
  const input = newPatient()
  const { rekam, reasons, states } = watchedClient()
  const { user } = await rekam.register(input)
  const other = createRekamClient({ baseUrl, delivery: 'body', now: realClock })
  await other.signIn({ username: input.username, password: input.password })
  await other.signOut('all')
  const answer = await rekam.auth.GET('/api/auth/me')
  t.equal(answer.response.status, 401)
  assertError(t, answerOf(answer), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  t.strictSame(reasons, ['TOKEN_REVOKED'])
  t.strictSame(states, [{ user }, { user: null, reason: 'TOKEN_REVOKED' }])
  t.equal(rekam.user, null)
  const again = await rekam.auth.GET('/api/auth/me')
  assertError(t, answerOf(again), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  t.strictSame(reasons, ['TOKEN_REVOKED'], 'reported once')
})

t.test('an account blocked by an admin is signed out on its next request as ACCOUNT_BLOCKED', async (t) => {
  const input = newPatient()
  const { rekam, reasons } = watchedClient()
  const { user } = await rekam.register(input)
  const admin = createRekamClient({ baseUrl, delivery: 'body', now: realClock })
  await signInStaff(admin, DEMO.admin, stack)
  const blocked = unwrap(await admin.auth.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { blocked: true } }))
  t.equal(blocked.user.blocked, true)
  const answer = await rekam.auth.GET('/api/auth/me')
  t.equal(answer.response.status, 401)
  // Blocking ends the account's sessions: the token is refused as revoked, and the refresh the
  // client then tries answers 403 ACCOUNT_BLOCKED, which is the reason reported.
  assertError(t, answerOf(answer), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  t.strictSame(reasons, ['ACCOUNT_BLOCKED'])
  const again = await rekam.signIn({ username: input.username, password: input.password }).catch((err: unknown) => err)
  t.strictSame(fieldsOf(again), { name: 'RekamApiError', status: 403, code: 'ACCOUNT_BLOCKED', message: 'This account is blocked', details: undefined, requestId: fieldsOf(again).requestId })
  t.match(fieldsOf(again).requestId, /\S/)
})

t.test('signOut("others") keeps this session and ends the others', async (t) => {
  const input = newPatient()
  const { rekam, reasons } = watchedClient()
  await rekam.register(input)
  const other = watchedClient()
  await other.rekam.signIn({ username: input.username, password: input.password })
  await rekam.signOut('others')
  t.ok(rekam.user, 'still signed in')
  t.equal(unwrap(await rekam.auth.GET('/api/auth/me')).user.username, input.username)
  assertError(t, answerOf(await other.rekam.auth.GET('/api/auth/me')), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  t.strictSame(reasons, [])
  t.strictSame(other.reasons, ['TOKEN_REVOKED'])
})
