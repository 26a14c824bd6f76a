import t from 'tap'
import { createRekamClient, isStepUpRequired, unwrap, type SignedOutReason, type StepUpChallenge } from '../src/index.js'
import { stepUpChallenge } from '../src/step-up.js'
import { countingFetch, DEMO, fieldsOf, realClock, serverClock, startStack, signInStaff } from './helpers/stack.js'

const stack = await startStack(t)
const baseUrl = { auth: stack.authUrl, records: stack.recordsUrl }

t.test('a 401 STEP_UP_REQUIRED reaches the app with its challenge and leaves the session alone', async (t) => {
  const { fetch, paths } = countingFetch()
  const reasons: SignedOutReason[] = []
  const challenges: StepUpChallenge[] = []
  const rekam = createRekamClient({
    baseUrl, delivery: 'body', fetch, now: realClock, onSignedOut: (reason) => reasons.push(reason), onStepUpRequired: (challenge) => challenges.push(challenge),
  })
  const user = await signInStaff(rekam, DEMO.sari, stack)
  const id = unwrap(await rekam.records.GET('/api/records', { params: { query: { limit: 1 } } })).items[0]!.id
  paths.splice(0)

  // Deleting a record asks for aal2 within 300 s: this TOTP sign-in is aal2, but 301 s old.
  serverClock.advance(301_000)
  const answer = await rekam.records.DELETE('/api/records/{id}', { params: { path: { id } }, body: { reason: 'Written in the wrong chart' } })
  t.equal(answer.response.status, 401)
  t.strictSame(paths.splice(0), [`DELETE /api/records/${id}`], 'neither refreshed nor retried')
  t.strictSame(challenges, [{ acrValues: ['urn:rekam:aal2'], maxAge: 300 }])
  let thrown: unknown
  try { unwrap(answer) } catch (err) { thrown = err }
  t.ok(isStepUpRequired(thrown), 'unwrap throws a RekamApiError the app can tell apart')
  t.strictSame(fieldsOf(thrown), {
    name: 'RekamApiError',
    status: 401,
    code: 'STEP_UP_REQUIRED',
    message: 'This needs a sign-in within the last 300 seconds: confirm it is you, then try again',
    details: undefined,
    requestId: fieldsOf(thrown).requestId,
  })
  t.strictSame((thrown as { stepUp: unknown }).stepUp, { acrValues: ['urn:rekam:aal2'], maxAge: 300 })

  t.strictSame(reasons, [], 'not signed out')
  t.strictSame(rekam.user, user)
  const still = unwrap(await rekam.records.GET('/api/records/{id}', { params: { path: { id } } }))
  t.equal(still.record.id, id, 'the same token keeps working, and the record was not deleted')
})

t.test('after a step-up answer the client is still signed in: resume() gives the user', async (t) => {
  const rekam = createRekamClient({ baseUrl, delivery: 'body', now: realClock })
  const user = await signInStaff(rekam, DEMO.sari, stack)
  const id = unwrap(await rekam.records.GET('/api/records', { params: { query: { limit: 1 } } })).items[0]!.id
  serverClock.advance(301_000)
  t.equal((await rekam.records.DELETE('/api/records/{id}', { params: { path: { id } }, body: { reason: 'Written in the wrong chart' } })).response.status, 401)
  t.strictSame(await rekam.resume(), user)
})

t.test('the WWW-Authenticate challenge as RFC 9470 writes it', async (t) => {
  t.strictSame(stepUpChallenge('Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="myACR"'), { acrValues: ['myACR'] })
  t.strictSame(stepUpChallenge('Bearer error="insufficient_user_authentication", error_description="More recent authentication is required", max_age=5'), { acrValues: [], maxAge: 5 })
  t.strictSame(stepUpChallenge('Bearer error="insufficient_user_authentication",error_description="a, \\"quoted\\" acr_values=x",acr_values="urn:rekam:aal2 urn:rekam:aal3",max_age=300'), { acrValues: ['urn:rekam:aal2', 'urn:rekam:aal3'], maxAge: 300 }, 'no spaces, commas and escapes inside quotes')
  t.strictSame(stepUpChallenge(null), { acrValues: [] }, 'a header the page may not read')
  t.strictSame(stepUpChallenge('Bearer max_age=soon'), { acrValues: [] }, 'a max_age that is no number is ignored')
})
