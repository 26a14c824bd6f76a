import t from 'tap'
import { freshDemoTotpCode } from '@rekam/testing'
import { createRekamClient, isStepUpRequired, unwrap } from '../src/index.js'
import { browserFetch, CookieJar, processLocks } from './helpers/browser-fetch.js'
import { countingFetch, DEMO, fieldsOf, realClock, serverClock, signInStaff, startStack } from './helpers/stack.js'

const ORIGIN = 'http://portal.test'
const stack = await startStack(t, { PUBLIC_URL: ORIGIN })
const baseUrl = { auth: stack.authUrl, records: stack.recordsUrl }

/** The payload of a JWT (read here only to check the claims the step-up changed). */
const claimsOf = (token: string | undefined) => JSON.parse(Buffer.from(token!.split('.')[1]!, 'base64url').toString()) as { sid: string, acr: string, auth_time: number }
const accessTokenOf = async (request: Request) => request.headers.get('authorization')?.replace(/^Bearer /, '')

t.test('reauthenticate: a new access token on the same session, and the step-up operation goes through', async (t) => {
  const { fetch, paths } = countingFetch()
  const sent: string[] = []
  const rekam = createRekamClient({
    baseUrl,
    delivery: 'body',
    now: realClock,
    fetch: async (input, init) => {
      if (input instanceof Request) sent.push(await accessTokenOf(input) ?? '')
      return fetch(input, init)
    },
  })
  const user = await signInStaff(rekam, DEMO.sari, stack)
  let renewed = 0
  rekam.onToken(() => { renewed++ })
  const id = unwrap(await rekam.records.GET('/api/records', { params: { query: { limit: 1 } } })).items[0]!.id
  const before = claimsOf(sent.at(-1))

  serverClock.advance(301_000)
  let thrown: unknown
  try { unwrap(await rekam.records.DELETE('/api/records/{id}', { params: { path: { id } }, body: { reason: 'Written in the wrong chart' } })) } catch (err) { thrown = err }
  t.ok(isStepUpRequired(thrown), 'the sign-in is too old to delete a record')

  // A wrong code is refused in words; the token in memory stays.
  const wrong = await rekam.reauthenticate({ password: DEMO.sari.password, method: 'totp', code: '000000' }).catch((err: unknown) => err)
  t.strictSame(fieldsOf(wrong), { ...fieldsOf(wrong), name: 'RekamApiError', status: 403, code: 'MFA_CODE_INVALID' })
  t.equal(renewed, 0, 'no new token after a refused code')

  paths.splice(0)
  const code = freshDemoTotpCode(stack.authUrl, DEMO.sari.email)!
  await rekam.reauthenticate({ password: DEMO.sari.password, method: 'totp', code })
  t.strictSame(paths.splice(0), ['POST /api/auth/reauthenticate'], 'no refresh on the way')
  t.equal(renewed, 1, 'onToken is told')

  const answer = await rekam.records.DELETE('/api/records/{id}', { params: { path: { id } }, body: { reason: 'Written in the wrong chart' } })
  t.equal(answer.response.status, 200, 'deleted after the step-up')
  const after = claimsOf(sent.at(-1))
  t.equal(after.sid, before.sid, 'the same session')
  t.equal(after.acr, 'urn:rekam:aal2')
  t.ok(after.auth_time >= before.auth_time + 301, 'a fresh auth_time')
  t.strictSame(rekam.user, user, 'still the same user')

  // The refresh token is unchanged: the session refreshes as before, and keeps the fresh auth_time.
  t.equal(await rekam.refresh(), true)
  t.equal(renewed, 2)
  await rekam.auth.GET('/api/auth/me')
  t.equal(claimsOf(sent.at(-1)).auth_time, after.auth_time, 'a refresh keeps the step-up\'s auth_time')
})

t.test('in a browser, the step-up token reaches the other tabs', async (t) => {
  const jar = new CookieJar()
  const locks = processLocks()
  const tab = () => {
    const rekam = createRekamClient({
      baseUrl,
      delivery: 'cookie',
      fetch: browserFetch(jar, ORIGIN, []),
      now: realClock,
      crossTab: { locks, channel: () => new BroadcastChannel('rekam-session') },
    })
    t.teardown(() => rekam.close())
    return rekam
  }
  const [a, b] = [tab(), tab()]
  await signInStaff(a, DEMO.admin, stack)
  serverClock.advance(301_000)
  const handedOver = new Promise<void>((resolve) => { const stop = b.onToken(() => { stop(); resolve() }) })
  const code = freshDemoTotpCode(stack.authUrl, DEMO.admin.email)!
  await a.reauthenticate({ password: DEMO.admin.password, method: 'totp', code })
  await handedOver
  // Tab b now holds the step-up token: an admin's step-up operation passes there without a dialog.
  const users = unwrap(await b.auth.GET('/api/users', { params: { query: { search: 'andi' } } })).items
  const andi = users.find((u) => u.email === DEMO.andi.email)!
  const answer = await b.auth.PATCH('/api/users/{id}', { params: { path: { id: andi.id } }, body: { blocked: false } })
  t.equal(answer.response.status, 200, 'tab b passes the step-up with the token tab a got')
})
