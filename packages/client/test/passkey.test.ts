/**
 * The client's passkey flows against the real services, with the software authenticator: a
 * passkey-only sign-in (and an unknown passkey refused), and a staff enrolment with a passkey
 * registered with the sign-in's ticket, which signs in and gives the recovery codes (the doctor's
 * set-password link comes by mail, to a real SMTP server).
 */
import t from 'tap'
import { linkToken, startMailServer } from '@rekam/testing/mail'
import { assertionResponse, newPasskey, registrationResponse } from '@rekam/testing/webauthn'
import { createRekamClient, RekamApiError, unwrap, type PasskeyAssertion, type PasskeyAttestation, type SessionState } from '../src/index.js'
import { countingFetch, DEMO, fieldsOf, realClock, signedIn, signInStaff, startStack } from './helpers/stack.js'

const mailServer = await startMailServer(t)
const stack = await startStack(t, { SMTP_URL: mailServer.url })
const baseUrl = { auth: stack.authUrl, records: stack.recordsUrl }
const andiPasskey = newPasskey()

t.test('a passkey the patient registered signs in alone', async (t) => {
  const owner = createRekamClient({ baseUrl, delivery: 'body', now: realClock })
  const andi = signedIn(await owner.signIn(DEMO.andi))
  const creation = unwrap(await owner.auth.POST('/api/auth/mfa/webauthn/registration/options', { body: {} }))
  const response = registrationResponse(andiPasskey, creation) as PasskeyAttestation
  const added = unwrap(await owner.auth.POST('/api/auth/mfa/webauthn/registration/verify', { body: { response, name: 'Laptop' } }))
  t.strictSame([added.factor.type, added.factor.name, added.recoveryCodes?.length], ['webauthn', 'Laptop', 10])

  const { fetch, paths } = countingFetch()
  const states: SessionState[] = []
  const rekam = createRekamClient({ baseUrl, delivery: 'body', fetch, now: realClock })
  rekam.subscribe((state) => states.push(state))
  const request = unwrap(await rekam.auth.POST('/api/auth/passkey/options', { body: {} }))
  t.strictSame(request.allowCredentials ?? [], [], 'the browser may offer any passkey it holds')
  const user = await rekam.signInWithPasskey(assertionResponse(andiPasskey, request) as PasskeyAssertion)
  t.strictSame([user.id, user.email, user.role], [andi.id, andi.email, 'PATIENT'])
  t.strictSame(rekam.user, user)
  t.strictSame(states, [{ user }])
  t.equal(unwrap(await rekam.auth.GET('/api/auth/me')).user.id, andi.id, 'the bearer of the passkey sign-in works')
  t.strictSame(paths, ['POST /api/auth/passkey/options', 'POST /api/auth/passkey/verify', 'GET /api/auth/me'])
})

t.test('an unknown passkey signs nobody in', async (t) => {
  const states: SessionState[] = []
  const rekam = createRekamClient({ baseUrl, delivery: 'body', now: realClock })
  rekam.subscribe((state) => states.push(state))
  const request = unwrap(await rekam.auth.POST('/api/auth/passkey/options', { body: {} }))
  const error = await rekam.signInWithPasskey(assertionResponse(newPasskey(), request) as PasskeyAssertion).catch((err: unknown) => err)
  t.ok(error instanceof RekamApiError)
  t.strictSame(fieldsOf(error), {
    name: 'RekamApiError', status: 401, code: 'INVALID_CREDENTIALS', message: fieldsOf(error).message, details: undefined, requestId: fieldsOf(error).requestId,
  })
  t.equal(rekam.user, null)
  t.strictSame(states, [])
})

t.test('a new doctor enrols a passkey with the sign-in ticket and is signed in', async (t) => {
  const admin = createRekamClient({ baseUrl, delivery: 'body', now: realClock })
  await signInStaff(admin, DEMO.admin, stack)
  unwrap(await admin.auth.POST('/api/users', {
    body: { username: 'dr.wulan', email: 'dr.wulan@rekam.local', fullName: 'dr. Wulan Hartono', role: 'DOCTOR' },
  }))
  const token = linkToken(await mailServer.next('dr.wulan@rekam.local'), '/set-password')
  const password = 'wulan-first-password-1'
  unwrap(await admin.auth.POST('/api/auth/set-password', { body: { token, password } }))

  const rekam = createRekamClient({ baseUrl, delivery: 'body', now: realClock })
  const step = await rekam.signIn({ email: 'dr.wulan@rekam.local', password })
  if (!('mfaEnrollmentRequired' in step)) throw new Error('a doctor without a factor must enrol')
  const passkey = newPasskey()
  const creation = unwrap(await rekam.auth.POST('/api/auth/mfa/webauthn/registration/options', { body: { ticket: step.ticket } }))
  const response = registrationResponse(passkey, creation) as PasskeyAttestation
  const { user, recoveryCodes } = await rekam.confirmPasskeyEnrollment({ ticket: step.ticket, response, name: 'YubiKey' })
  t.strictSame([user.email, user.role, recoveryCodes.length], ['dr.wulan@rekam.local', 'DOCTOR', 10])
  t.strictSame(rekam.user, user)
  const factors = unwrap(await rekam.auth.GET('/api/auth/mfa/factors'))
  t.strictSame(factors.items.map((f) => [f.type, f.name]), [['webauthn', 'YubiKey']])
})
