import { unwrap, type PasskeyAssertion, type PasskeyAttestation } from '@rekam/client'
import {
  browserSupportsWebAuthn, startAuthentication, startRegistration, WebAuthnError,
  type PublicKeyCredentialCreationOptionsJSON, type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser'
import { rekam } from './rekam.js'

/**
 * The browser's passkey ceremonies, with the options auth-service gives. The API's option and
 * answer schemas are the WebAuthn JSON forms @simplewebauthn speaks, typed a little looser by the
 * OpenAPI document (hints as strings, answers open to extra members); the casts sit only here.
 */

/** Whether this browser can make and use passkeys at all; the buttons hide otherwise. */
export const passkeysSupported = (): boolean => browserSupportsWebAuthn()

/** Cancelled or timed out in the browser's own dialog: nothing to report as a failure. */
export function isPasskeyCancelled (error: unknown): boolean {
  if (error instanceof WebAuthnError) return error.code === 'ERROR_CEREMONY_ABORTED' || error.name === 'NotAllowedError' || error.name === 'AbortError'
  return error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError')
}

/** This authenticator holds one of the account's passkeys already. */
export function isPasskeyKnown (error: unknown): boolean {
  return error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED'
}

async function create (options: unknown): Promise<PasskeyAttestation> {
  const answer = await startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON })
  return answer as unknown as PasskeyAttestation
}

async function get (options: unknown): Promise<PasskeyAssertion> {
  const answer = await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON })
  return answer as unknown as PasskeyAssertion
}

/** A new passkey for the signed-in user (bearer), or for an enrolling one (the sign-in's ticket). */
export async function createPasskey (ticket?: string): Promise<PasskeyAttestation> {
  return await create(unwrap(await rekam.auth.POST('/api/auth/mfa/webauthn/registration/options', { body: ticket ? { ticket } : {} })))
}

/**
 * An assertion of one of the user's passkeys: for the sign-in's second step (its ticket), or for
 * a step-up of the signed-in user (bearer; then POST /api/auth/reauthenticate with method webauthn).
 */
export async function assertPasskey (ticket?: string): Promise<PasskeyAssertion> {
  return await get(unwrap(await rekam.auth.POST('/api/auth/mfa/webauthn/authentication/options', { body: ticket ? { ticket } : {} })))
}

/** An assertion of any passkey the browser holds for this site, for a sign-in without a password. */
export async function discoverPasskey (): Promise<PasskeyAssertion> {
  return await get(unwrap(await rekam.auth.POST('/api/auth/passkey/options', { body: {} })))
}

/** An assertion of one of the passkeys of a reset link's account, for the reset's second factor. */
export async function assertResetPasskey (token: string): Promise<PasskeyAssertion> {
  return await get(unwrap(await rekam.auth.POST('/api/auth/password-reset/webauthn-options', { body: { token } })))
}
