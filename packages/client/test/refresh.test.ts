import { assertError } from '@rekam/testing'
import t from 'tap'
import { createRekamClient, unwrap } from '../src/index.js'
import { answerOf, countingFetch, DEMO, realClock, serverClock, startStack, signInStaff } from './helpers/stack.js'

const stack = await startStack(t)
const baseUrl = { auth: stack.authUrl, records: stack.recordsUrl }
const MINUTE = 60_000

/** A client whose clock the test moves (it starts at the real time). */
function clientClock () {
  let ahead = 0
  return { now: () => realClock() + ahead, advance: (ms: number) => { ahead += ms } }
}

t.test('refreshes shortly before expiry, with jitter, and sends the new token', async (t) => {
  const clock = clientClock()
  const { fetch, paths } = countingFetch()
  const rekam = createRekamClient({ baseUrl, delivery: 'body', fetch, now: clock.now, random: () => 1 })
  await rekam.signIn(DEMO.andi)
  const first = unwrap(await rekam.records.GET('/api/records/permissions'))
  // Access tokens live 15 minutes; the refresh comes at most 60 s + 30 s of jitter before that.
  clock.advance(15 * MINUTE - 91_000)
  const before = await rekam.records.GET('/api/records/permissions')
  t.equal(unwrap(before).userId, first.userId)
  t.strictSame(paths.splice(0), ['POST /api/auth/login', 'GET /api/records/permissions', 'GET /api/records/permissions'], 'no refresh yet')
  clock.advance(2000)
  const after = await rekam.records.GET('/api/records/permissions')
  t.equal(unwrap(after).userId, first.userId)
  t.strictSame(paths.splice(0), ['POST /api/auth/refresh', 'GET /api/records/permissions'])
})

t.test('no timer: an untouched client sends nothing, however long; the next request refreshes first', async (t) => {
  // Every timer scheduled from the client's own code while it signs in and serves a request.
  const scheduled: string[] = []
  const { setTimeout: realTimeout, setInterval: realInterval } = globalThis
  const own = (kind: string) => { if (/[\\/]client[\\/](?:dist-test[\\/])?src[\\/]/.test(new Error().stack ?? '')) scheduled.push(kind) }
  globalThis.setTimeout = ((...args: Parameters<typeof realTimeout>) => { own('setTimeout'); return realTimeout(...args) }) as typeof realTimeout
  globalThis.setInterval = ((...args: Parameters<typeof realInterval>) => { own('setInterval'); return realInterval(...args) }) as typeof realInterval
  t.teardown(() => { globalThis.setTimeout = realTimeout; globalThis.setInterval = realInterval })

  const clock = clientClock()
  const { fetch, paths } = countingFetch()
  const rekam = createRekamClient({ baseUrl, delivery: 'body', fetch, now: clock.now, random: () => 0 })
  await signInStaff(rekam, DEMO.sari, stack)
  unwrap(await rekam.auth.GET('/api/auth/me'))
  // A staff tab left alone past its token's expiry: nothing keeps the session alive.
  clock.advance(20 * MINUTE)
  await new Promise((resolve) => setImmediate(resolve))
  t.strictSame(paths.splice(0), ['POST /api/auth/login', 'POST /api/auth/mfa/verify', 'GET /api/auth/me'], 'nothing sent while untouched')
  t.strictSame(scheduled, [], 'the client schedules no timer')
  unwrap(await rekam.auth.GET('/api/auth/me'))
  t.strictSame(paths.splice(0), ['POST /api/auth/refresh', 'GET /api/auth/me'], 'the request that needs the token refreshes it')
  t.strictSame(scheduled, [])
})

t.test('jitter spreads the refresh over the last 30 s of the minute before expiry', async (t) => {
  const clock = clientClock()
  const { fetch, paths } = countingFetch()
  const rekam = createRekamClient({ baseUrl, delivery: 'body', fetch, now: clock.now, random: () => 0 })
  await rekam.signIn(DEMO.andi)
  clock.advance(15 * MINUTE - 61_000)
  unwrap(await rekam.auth.GET('/api/auth/me'))
  t.strictSame(paths.splice(0), ['POST /api/auth/login', 'GET /api/auth/me'], 'with no jitter the refresh waits until 60 s before expiry')
  clock.advance(2000)
  unwrap(await rekam.auth.GET('/api/auth/me'))
  t.strictSame(paths.splice(0), ['POST /api/auth/refresh', 'GET /api/auth/me'])
})

t.test('concurrent callers share one refresh', async (t) => {
  const clock = clientClock()
  const { fetch, paths } = countingFetch()
  const rekam = createRekamClient({ baseUrl, delivery: 'body', fetch, now: clock.now })
  await signInStaff(rekam, DEMO.sari, stack)
  clock.advance(15 * MINUTE)
  paths.splice(0)
  const answers = await Promise.all([
    rekam.auth.GET('/api/auth/me'),
    rekam.records.GET('/api/records', { params: { query: { limit: 1 } } }),
    rekam.records.GET('/api/doctors/me'),
    rekam.auth.GET('/api/auth/sessions'),
  ])
  t.strictSame(answers.map((answer) => answer.response.status), [200, 200, 200, 200])
  t.equal(paths.filter((path) => path === 'POST /api/auth/refresh').length, 1, 'one refresh')
  t.equal(paths.length, 5)
})

t.test('a request answered TOKEN_EXPIRED is retried once after a refresh', async (t) => {
  // The client's clock stays put while the services' moves past the access token's expiry:
  // the client sends a token it believes valid and the service refuses it as expired.
  const { fetch, paths } = countingFetch()
  const rekam = createRekamClient({ baseUrl, delivery: 'body', fetch, now: realClock })
  const reasons: string[] = []
  rekam.subscribe((state) => { if (state.reason) reasons.push(state.reason) })
  await rekam.signIn(DEMO.andi)
  serverClock.advance(16 * MINUTE)
  const answers = await Promise.all([
    rekam.records.POST('/api/records', { body: { patientId: '00000000-0000-4000-8000-000000000000', visitDate: '2026-05-01', complaint: 'c', diagnosis: 'd', treatment: 't' } }),
    rekam.auth.GET('/api/auth/me'),
  ])
  // A patient may not write records: the retried POST (its body sent again) reaches the role check.
  t.equal(answers[0].response.status, 403)
  t.equal(unwrap(answers[1]).user.email, DEMO.andi.email)
  t.strictSame(paths.sort(), [
    'GET /api/auth/me', 'GET /api/auth/me', 'POST /api/auth/login', 'POST /api/auth/refresh', 'POST /api/records', 'POST /api/records',
  ], 'each request twice, one refresh between')
  t.strictSame(reasons, [])
})

t.test('a refresh token past its lifetime ends the session as SESSION_EXPIRED', async (t) => {
  const { fetch, paths } = countingFetch()
  const reasons: string[] = []
  const rekam = createRekamClient({ baseUrl, delivery: 'body', fetch, now: realClock, onSignedOut: (reason) => reasons.push(reason) })
  await signInStaff(rekam, DEMO.sari, stack)
  serverClock.advance(8 * 24 * 60 * MINUTE)
  const answer = await rekam.auth.GET('/api/auth/me')
  t.equal(answer.response.status, 401)
  assertError(t, answerOf(answer), 401, 'TOKEN_EXPIRED', 'The access token has expired')
  t.strictSame(paths, ['POST /api/auth/login', 'POST /api/auth/mfa/verify', 'GET /api/auth/me', 'POST /api/auth/refresh'], 'no retry without a new token')
  t.strictSame(reasons, ['SESSION_EXPIRED'])
  t.equal(rekam.user, null)
})
