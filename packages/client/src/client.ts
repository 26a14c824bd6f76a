import createClient, { type Client } from 'openapi-fetch'
import { unwrap } from './errors.js'
import { browserTabs, type Tabs } from './cross-tab.js'
import { sessionMiddleware } from './middleware.js'
import { Session } from './session.js'
import type { StepUpChallenge } from './step-up.js'
import type {
  AuthPaths, Delivery, MfaMethod, PasskeyAssertion, PasskeyAttestation, ReauthenticateInput, RecordsPaths, Registered, RegisterInput, SecondStep, SessionState, SignedOutReason, SignInCredentials, SignOutScope, User,
} from './types.js'

export interface RekamClientOptions {
  /**
   * Where the API is: '' for the page's own origin (behind the gateway), an absolute URL on Node,
   * or each service's own URL when they are reached without a gateway.
   */
  baseUrl: string | { auth: string, records: string }
  /** 'cookie' (browsers: the refresh token only in the HttpOnly cookie) or 'body' (Node, scripts). */
  delivery: Delivery
  /** Defaults to globalThis.fetch. */
  fetch?: typeof globalThis.fetch
  /** The clock (ms since the epoch), for tests. */
  now?: () => number
  /** The jitter's source of randomness in [0, 1), for tests. */
  random?: () => number
  /** Told why the session ended: signed out, revoked, blocked or expired. */
  onSignedOut?: (reason: SignedOutReason) => void
  /**
   * Told when an API answers 401 STEP_UP_REQUIRED (the session stays signed in): what the
   * operation asks for, to open a "confirm it is you" dialog. The answer still reaches the caller.
   */
  onStepUpRequired?: (challenge: StepUpChallenge) => void
  /**
   * Coordinate refreshes with other tabs (cookie delivery only): by default through
   * `navigator.locks` and a BroadcastChannel when the platform has both; `false` refreshes in this
   * page alone; or the lock manager and channel factory to use.
   */
  crossTab?: boolean | Tabs
}

export interface RekamClient {
  /** auth-service, typed from its OpenAPI document. */
  readonly auth: Client<AuthPaths>
  /** records-service, typed from its OpenAPI document. */
  readonly records: Client<RecordsPaths>
  /** The signed-in user, or null. */
  readonly user: User | null
  /** A password sign-in: the user, or the second step the account owes (see `verifyMfa`). */
  signIn (credentials: SignInCredentials): Promise<User | SecondStep>
  /** Finishes a sign-in that answered `mfaRequired`. */
  verifyMfa (input: { ticket: string, method: MfaMethod, code?: string, response?: Record<string, unknown> }): Promise<User>
  /** Confirms a TOTP enrolment made with the enrolment ticket of a sign-in; signs in. */
  confirmTotpEnrollment (input: { ticket: string, factorId: string, code: string }): Promise<{ user: User, recoveryCodes: string[] }>
  /** A passkey-only sign-in, with the assertion of POST /api/auth/passkey/options' challenge. */
  signInWithPasskey (response: PasskeyAssertion): Promise<User>
  /** Registers a passkey with the enrolment ticket of a sign-in; signs in. */
  confirmPasskeyEnrollment (input: { ticket: string, response: PasskeyAttestation, name?: string }): Promise<{ user: User, recoveryCodes: string[] }>
  /** Creates a PATIENT account; signs it in unless its address must be verified first. */
  register (input: RegisterInput): Promise<Registered>
  /**
   * Page load (cookie delivery): the session of the refresh cookie, or null when there is none.
   * When signed in, the user read again from auth-service.
   */
  resume (): Promise<User | null>
  signOut (scope?: SignOutScope): Promise<void>
  /**
   * Step-up (after a 401 STEP_UP_REQUIRED): POST /api/auth/reauthenticate with the password, a
   * second factor or both; the new access token (fresh `auth_time`, aal2 with a factor) replaces
   * the one in memory and is handed to the other tabs. Throws `RekamApiError` on a wrong password
   * (`CURRENT_PASSWORD_INCORRECT`) or code (`MFA_CODE_INVALID`).
   */
  reauthenticate (input: ReauthenticateInput): Promise<void>
  /**
   * Refreshes the session now (a "stay signed in" button): true when a new token is held; a
   * session past its idle or absolute limit ends with `SESSION_EXPIRED`. Never called by a timer
   * here: a session nobody uses must go idle.
   */
  refresh (): Promise<boolean>
  /** Told of every new access token (sign-in, refresh, step-up, another tab's); returns the function that stops it. */
  onToken (listener: () => void): () => void
  /** Told of every sign-in and sign-out; returns the function that stops it. */
  subscribe (listener: (state: SessionState) => void): () => void
  /** Stops listening to other tabs. */
  close (): void
}

export function createRekamClient (options: RekamClientOptions): RekamClient {
  const urls = typeof options.baseUrl === 'string' ? { auth: options.baseUrl, records: options.baseUrl } : options.baseUrl
  // Looked up at call time, so a fetch patched after the client was made is the one used.
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const auth = createClient<AuthPaths>({ baseUrl: urls.auth, fetch })
  const records = createClient<RecordsPaths>({ baseUrl: urls.records, fetch })
  const session = new Session({
    authUrl: urls.auth,
    delivery: options.delivery,
    fetch,
    readMe: () => auth.GET('/api/auth/me'),
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    onSignedOut: options.onSignedOut,
    tabs: typeof options.crossTab === 'object' ? options.crossTab : options.crossTab === false ? undefined : browserTabs(),
  })
  const middleware = sessionMiddleware(session, options.onStepUpRequired)
  auth.use(middleware)
  records.use(middleware)
  return {
    auth,
    records,
    get user () { return session.user },
    signIn: (credentials) => session.signIn(credentials),
    verifyMfa: (input) => session.verifyMfa(input),
    confirmTotpEnrollment: (input) => session.confirmTotpEnrollment(input),
    signInWithPasskey: (response) => session.signInWithPasskey(response),
    confirmPasskeyEnrollment: (input) => session.confirmPasskeyEnrollment(input),
    register: (input) => session.register(input),
    resume: () => session.resume(),
    signOut: (scope) => session.signOut(scope),
    async reauthenticate (input) {
      const { accessToken, expiresIn } = unwrap(await auth.POST('/api/auth/reauthenticate', { body: input }))
      session.state.reauthenticated(accessToken, expiresIn)
    },
    refresh: () => session.refresh(),
    onToken: (listener) => session.state.onToken(listener),
    subscribe: (listener) => session.subscribe(listener),
    close: () => session.close(),
  }
}
