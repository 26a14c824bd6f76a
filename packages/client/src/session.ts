import createClient, { type Client } from 'openapi-fetch'
import { joinTabs, type CrossTab, type Tabs } from './cross-tab.js'
import { cookieAuthInit, credentialsInit, deliveryField } from './auth-requests.js'
import { unwrap } from './errors.js'
import { SignedInState, type StateOptions } from './signed-in-state.js'
import { TokenRefresh } from './token-refresh.js'
import type { AuthPaths, MfaMethod, PasskeyAssertion, PasskeyAttestation, Registered, RegisterInput, SecondStep, SessionState, SignedOutReason, SignInCredentials, SignOutScope, User } from './types.js'

export interface SessionOptions extends StateOptions {
  authUrl: string
  fetch: typeof globalThis.fetch
  /** GET /api/auth/me with the bearer (the client's auth-service client). */
  readMe: () => Promise<{ data?: { data: { user: User } }, error?: unknown, response: Response }>
  /** Web Locks and a BroadcastChannel factory shared with the other tabs; none: refresh in-process only. */
  tabs?: Tabs | undefined
}

/** The credential flows on auth-service, and the one refresh in flight every caller shares. */
export class Session {
  readonly state: SignedInState
  readonly #options: SessionOptions
  readonly #api: Client<AuthPaths>
  readonly #tabs: CrossTab | undefined
  readonly #refresh: TokenRefresh

  constructor (options: SessionOptions) {
    this.#options = options
    this.state = new SignedInState(options)
    this.#api = createClient<AuthPaths>({ baseUrl: options.authUrl, fetch: options.fetch })
    // Tabs share a session only through the refresh cookie; body delivery keeps each its own.
    this.#tabs = options.tabs && options.delivery === 'cookie' ? joinTabs(options.tabs, (message) => this.state.receive(message)) : undefined
    this.state.tabs = this.#tabs
    this.#refresh = new TokenRefresh(this.#api, this.state, this.#tabs, options.delivery)
  }

  get user (): User | null {
    return this.state.user
  }

  get accessToken (): string | undefined {
    return this.state.token?.value
  }

  subscribe (listener: (state: SessionState) => void): () => void {
    return this.state.subscribe(listener)
  }

  /** The access token to send: refreshed first when its refresh time has come. */
  async tokenForRequest (): Promise<string | undefined> {
    if (this.state.token && !this.state.fresh()) {
      // A failed refresh that did not end the session (429, 503, offline) leaves the current
      // token: it may still be valid, and the answer tells the caller if not.
      await this.refresh().catch(() => false)
    }
    return this.accessToken
  }

  /**
   * Signs in with a password: the user, or the second step the account owes (a ticket, with the
   * methods it can be finished with); then `verifyMfa`, or enrolment with the ticket.
   */
  async signIn (credentials: SignInCredentials): Promise<User | SecondStep> {
    const body = { ...credentials, ...this.#deliveryField() }
    const answer = unwrap(await this.#api.POST('/api/auth/login', { body, ...this.#credentialsInit() }))
    if (!('user' in answer)) return answer
    this.state.signedIn(answer.user, answer.tokens)
    return answer.user
  }

  /** Finishes a sign-in that answered `mfaRequired`: a TOTP code, a recovery code or a WebAuthn assertion. */
  async verifyMfa (input: { ticket: string, method: MfaMethod, code?: string, response?: Record<string, unknown> }): Promise<User> {
    const body = { ...input, ...this.#deliveryField() }
    const { user, tokens } = unwrap(await this.#api.POST('/api/auth/mfa/verify', { body, ...this.#credentialsInit() }))
    this.state.signedIn(user, tokens)
    return user
  }

  /**
   * Confirms a TOTP enrolment with the enrolment ticket of a sign-in: signs in, and gives the
   * recovery codes to show once. (Signed-in users confirm through the typed API instead.)
   */
  async confirmTotpEnrollment (input: { ticket: string, factorId: string, code: string }): Promise<{ user: User, recoveryCodes: string[] }> {
    const body = { ...input, ...this.#deliveryField() }
    const data = unwrap(await this.#api.POST('/api/auth/mfa/totp/confirm', { body, ...this.#credentialsInit() }))
    if (!data.user || !data.tokens) throw new Error('the enrolment did not sign in')
    this.state.signedIn(data.user, data.tokens)
    return { user: data.user, recoveryCodes: data.recoveryCodes ?? [] }
  }

  /** Signs in with a passkey alone: the assertion of POST /api/auth/passkey/options' challenge. */
  async signInWithPasskey (response: PasskeyAssertion): Promise<User> {
    const body = { response, ...this.#deliveryField() }
    const { user, tokens } = unwrap(await this.#api.POST('/api/auth/passkey/verify', { body, ...this.#credentialsInit() }))
    this.state.signedIn(user, tokens)
    return user
  }

  /** Registers a passkey with the enrolment ticket of a sign-in: signs in, with the recovery codes. */
  async confirmPasskeyEnrollment (input: { ticket: string, response: PasskeyAttestation, name?: string }): Promise<{ user: User, recoveryCodes: string[] }> {
    const body = { ...input, ...this.#deliveryField() }
    const data = unwrap(await this.#api.POST('/api/auth/mfa/webauthn/registration/verify', { body, ...this.#credentialsInit() }))
    if (!data.user || !data.tokens) throw new Error('the enrolment did not sign in')
    this.state.signedIn(data.user, data.tokens)
    return { user: data.user, recoveryCodes: data.recoveryCodes ?? [] }
  }

  async register ({ locale, ...input }: RegisterInput): Promise<Registered> {
    const body = { ...input, ...this.#deliveryField() }
    const headers = locale ? { 'accept-language': locale } : {}
    const { user, tokens, verificationSent } = unwrap(await this.#api.POST('/api/auth/register', { body, headers, ...this.#credentialsInit() }))
    if (!tokens) return { user, emailVerificationRequired: true, verificationSent }
    this.state.signedIn(user, tokens)
    return { user, emailVerificationRequired: false, verificationSent }
  }

  /**
   * Page load (cookie delivery): the session of the refresh cookie, or null when there is none.
   * Signed in already: the user read again (after a profile change, say).
   */
  async resume (): Promise<User | null> {
    if (!this.state.token) {
      if (this.#options.delivery === 'body' || !await this.#refresh.quietly()) return null
    }
    try {
      // Through the bearer middleware: a revoked session ends here with its reason.
      const { user } = unwrap(await this.#options.readMe())
      this.state.resumed(user)
      return user
    } catch (err) {
      // Signed out (a revoked or expired session); a STEP_UP_REQUIRED would not be.
      if ((err as { status?: number, code?: string }).status === 401 && (err as { code?: string }).code !== 'STEP_UP_REQUIRED') return null
      throw err
    }
  }

  async signOut (scope: SignOutScope = 'current'): Promise<void> {
    const refreshToken = this.state.refreshToken
    try {
      if (this.#options.delivery === 'cookie' || refreshToken) {
        const body = refreshToken ? { refreshToken, scope } : { scope }
        unwrap(await this.#api.POST('/api/auth/logout', { body, ...cookieAuthInit(this.#options.delivery) }))
      }
    } finally {
      // Signed out here even when the server could not be told (offline, say).
      if (scope !== 'others') this.state.end('SIGNED_OUT', true)
    }
  }

  /** One refresh for every concurrent caller (and every tab): see TokenRefresh. */
  refresh (invalid: SignedOutReason = 'SESSION_EXPIRED'): Promise<boolean> {
    return this.#refresh.run(invalid)
  }

  /** A request answered TOKEN_EXPIRED with `used`: true when a newer token is there to retry with. */
  async expired (used: string): Promise<boolean> {
    if (!this.state.token) return false
    if (this.state.token.value !== used) return true
    return this.refresh().catch(() => false)
  }

  /**
   * A request answered TOKEN_REVOKED with `used`: the session has ended. A refresh tells why:
   * 403 ACCOUNT_BLOCKED for a blocked account, otherwise TOKEN_REVOKED. True when a newer token
   * is there to retry with after all.
   */
  async revoked (used: string): Promise<boolean> {
    if (!this.state.token) return false
    if (this.state.token.value !== used) return true
    try {
      return await this.refresh('TOKEN_REVOKED')
    } catch {
      this.state.end('TOKEN_REVOKED', true)
      return false
    }
  }

  close (): void {
    this.#tabs?.close()
  }

  #deliveryField (): { tokenDelivery?: 'cookie' } {
    return deliveryField(this.#options.delivery)
  }

  #credentialsInit (): { credentials?: RequestInit['credentials'] } {
    return credentialsInit(this.#options.delivery)
  }
}
