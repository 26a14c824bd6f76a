import type { AuthApp } from '../src/app.js'
import type { EnrollAs } from './mfa.js'
import { assertionResponse, newPasskey, registrationResponse, type Ceremony, type SoftPasskey } from '@rekam/testing/webauthn'

export { assertionResponse, newPasskey, registrationResponse }

const headersOf = (as: EnrollAs) => ('token' in as ? { authorization: `Bearer ${as.token}` } : {})
const ticketOf = (as: EnrollAs) => ('ticket' in as ? { ticket: as.ticket } : {})

/** Registration options for a bearer or an enrolment ticket (the options, or throws). */
export async function registrationOptions (app: AuthApp, as: EnrollAs) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/mfa/webauthn/registration/options', headers: headersOf(as), payload: { ...ticketOf(as) } })
  if (res.statusCode !== 200) throw new Error(`registration options failed: ${res.statusCode} ${res.body}`)
  return res.json().data
}

/** The whole registration of a soft passkey: options, then verify; the raw verify answer. */
export async function registerPasskey (app: AuthApp, as: EnrollAs, passkey: SoftPasskey, extra: { name?: string, ceremony?: Ceremony } = {}) {
  const options = await registrationOptions(app, as)
  const response = registrationResponse(passkey, options, extra.ceremony)
  return app.inject({
    method: 'POST',
    url: '/api/auth/mfa/webauthn/registration/verify',
    headers: headersOf(as),
    payload: { ...ticketOf(as), response, ...(extra.name ? { name: extra.name } : {}) },
  })
}

/** Request options for the second step (a ticket) or a step-up (a bearer). */
export async function authenticationOptions (app: AuthApp, as: EnrollAs) {
  return app.inject({ method: 'POST', url: '/api/auth/mfa/webauthn/authentication/options', headers: headersOf(as), payload: { ...ticketOf(as) } })
}

/** Options for a passkey sign-in (no user named). */
export async function passkeyOptions (app: AuthApp) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/passkey/options', payload: {} })
  if (res.statusCode !== 200) throw new Error(`passkey options failed: ${res.statusCode} ${res.body}`)
  return res.json().data
}

/** A passkey sign-in: options, the assertion, verify; the raw verify answer. */
export async function passkeySignIn (app: AuthApp, passkey: SoftPasskey, ceremony?: Ceremony) {
  const response = assertionResponse(passkey, await passkeyOptions(app), ceremony)
  return app.inject({ method: 'POST', url: '/api/auth/passkey/verify', payload: { response } })
}
