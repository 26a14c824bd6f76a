import t from 'tap'
import { createRekamClient, unwrap, type SessionState, type SignedOutReason } from '../src/index.js'
import { DEMO, newPatient, realClock, startStack } from './helpers/stack.js'

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
  const user = await rekam.register(input)
  const other = createRekamClient({ baseUrl, delivery: 'body', now: realClock })
  await other.signIn({ username: input.username, password: input.password })
  await other.signOut('all')
  const answer = await rekam.auth.GET('/api/auth/me')
  t.equal(answer.response.status, 401)
  t.match(answer.error, { error: { code: 'TOKEN_REVOKED' } })
  t.strictSame(reasons, ['TOKEN_REVOKED'])
  t.strictSame(states, [{ user }, { user: null, reason: 'TOKEN_REVOKED' }])
  t.equal(rekam.user, null)
  const again = await rekam.auth.GET('/api/auth/me')
  t.match(again.error, { error: { code: 'UNAUTHORIZED' } }, 'no token is sent any more')
  t.strictSame(reasons, ['TOKEN_REVOKED'], 'reported once')
})

t.test('records-service answering TOKEN_REVOKED (its revocation feed) ends the session too', async (t) => {
  const input = newPatient()
  const { rekam, reasons } = watchedClient()
  await rekam.register(input)
  unwrap(await rekam.records.GET('/api/records'))
  const other = createRekamClient({ baseUrl, delivery: 'body', now: realClock })
  await other.signIn({ username: input.username, password: input.password })
  await other.signOut('all')
  // records-service learns of the revocation from auth-service's feed (followed every 200 ms).
  let answer = await rekam.records.GET('/api/records')
  for (let tries = 0; answer.response.status === 200 && tries < 100; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    answer = await rekam.records.GET('/api/records')
  }
  t.match(answer.error, { error: { code: 'TOKEN_REVOKED' } })
  t.strictSame(reasons, ['TOKEN_REVOKED'])
})

t.test('an account blocked by an admin is signed out on its next request', async (t) => {
  const input = newPatient()
  const { rekam, reasons } = watchedClient()
  const user = await rekam.register(input)
  const admin = createRekamClient({ baseUrl, delivery: 'body', now: realClock })
  await admin.signIn(DEMO.admin)
  const blocked = unwrap(await admin.auth.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { blocked: true } }))
  t.equal(blocked.user.blocked, true)
  const answer = await rekam.auth.GET('/api/auth/me')
  t.equal(answer.response.status, 401)
  // Blocking ends the account's sessions: the token is refused as revoked.
  t.match(answer.error, { error: { code: 'TOKEN_REVOKED' } })
  t.strictSame(reasons, ['TOKEN_REVOKED'])
  const again = await rekam.signIn({ username: input.username, password: input.password }).catch((err: unknown) => err)
  t.match(again, { status: 403, code: 'ACCOUNT_BLOCKED' })
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
  t.match((await other.rekam.auth.GET('/api/auth/me')).error, { error: { code: 'TOKEN_REVOKED' } })
  t.strictSame(reasons, [])
  t.strictSame(other.reasons, ['TOKEN_REVOKED'])
})
