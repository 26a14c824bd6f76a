import type { paths as AuthPaths } from './generated/auth.js'
import type { paths as RecordsPaths } from './generated/records.js'

export type { AuthPaths, RecordsPaths }

type LoginAnswer = AuthPaths['/api/auth/login']['post']['responses'][200]['content']['application/json']['data']

/** A user as auth-service shows it (`id, username, email, fullName, role, blocked, ...`). */
export type User = Extract<LoginAnswer, { user: unknown }>['user']

/**
 * What a right password earns when a second step must follow: a ticket for POST
 * /api/auth/mfa/verify (`mfaRequired`), or for enrolling a first factor (`mfaEnrollmentRequired`).
 */
export type SecondStep = Exclude<LoginAnswer, { user: unknown }>

/** The second-step methods: `totp`, `recovery_code`, `webauthn`. */
export type MfaMethod = SecondStep['methods'][number]

/** The token pair of a sign-in or refresh; in cookie delivery without `refreshToken`. */
export interface TokenAnswer {
  accessToken: string
  refreshToken?: string
  expiresIn: number
}

/** What navigator.credentials.get answered, as JSON (AuthenticationResponseJSON). */
export type PasskeyAssertion = AuthPaths['/api/auth/passkey/verify']['post']['requestBody']['content']['application/json']['response']

/** What navigator.credentials.create answered, as JSON (RegistrationResponseJSON). */
export type PasskeyAttestation = AuthPaths['/api/auth/mfa/webauthn/registration/verify']['post']['requestBody']['content']['application/json']['response']

/** Why the client is no longer signed in. */
export type SignedOutReason = 'SIGNED_OUT' | 'TOKEN_REVOKED' | 'ACCOUNT_BLOCKED' | 'SESSION_EXPIRED'

/** What `subscribe` listeners are told on every sign-in and sign-out. */
export interface SessionState {
  user: User | null
  reason?: SignedOutReason
}

export type Delivery = 'cookie' | 'body'

export type SignInCredentials = { email: string, password: string } | { username: string, password: string }

export interface RegisterInput {
  username: string
  email: string
  password: string
  fullName?: string
  /** The account's language (its mail's): sent as Accept-Language; the browser's own otherwise. */
  locale?: 'id' | 'en'
}

/**
 * What registration did: the new user, and whether they are signed in. With
 * EMAIL_VERIFICATION=required nobody is signed in (`emailVerificationRequired`) until the link
 * mailed to the address is opened.
 */
export interface Registered {
  user: User
  emailVerificationRequired: boolean
  /** A link to verify the address was mailed (false when auth-service has no mail server). */
  verificationSent: boolean
}

export type SignOutScope = 'current' | 'others' | 'all'

/** What `reauthenticate` sends: the password, a second factor (method and code) or both. */
export type ReauthenticateInput = NonNullable<AuthPaths['/api/auth/reauthenticate']['post']['requestBody']>['content']['application/json']
