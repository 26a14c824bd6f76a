import createClient, { type Client } from 'openapi-fetch'
import { accessToken, type AccessToken } from './access-token.js'
import { joinTabs, type ChannelLike, type CrossTab, type LockManagerLike, type TabMessage } from './cross-tab.js'
import { apiError, unwrap } from './errors.js'
import type {
  AuthPaths, Delivery, RegisterInput, SessionState, SignedOutReason, SignInCredentials, SignOutScope, TokenAnswer, User,
} from './types.js'

export interface SessionOptions {
  authUrl: string
  delivery: Delivery
  fetch: typeof globalThis.fetch
  now: () => number
  random: () => number
  onSignedOut?: ((reason: SignedOutReason) => void) | undefined
  /** Web Locks and a BroadcastChannel factory shared with the other tabs; none: refresh in-process only. */
  tabs?: { locks: LockManagerLike, channel: () => ChannelLike } | undefined
}

type Listener = (state: SessionState) => void
// The cookie routes' extra body field; a cast keeps this compiling against documents without it.
type AnyBody = never

/**
 * The signed-in state: the user, the access token (in memory only), in body delivery the refresh
 * token, and the one refresh in flight that every caller (and, in browsers, every tab) shares.
 */
export class Session {
  user: User | null = null
  readonly #options: SessionOptions
  readonly #api: Client<AuthPaths>
  readonly #tabs: CrossTab | undefined
  readonly #listeners = new Set<Listener>()
  #token: AccessToken | undefined
  #refreshToken: string | undefined
  /** Bumped on every change of token, so a tab waiting for the lock sees another tab's refresh. */
  #version = 0
  #inflight: Promise<boolean> | undefined

  constructor (options: SessionOptions) {
    this.#options = options
    this.#api = createClient<AuthPaths>({ baseUrl: options.authUrl, fetch: options.fetch })
    this.#tabs = options.tabs && options.delivery === 'cookie' ? joinTabs(options.tabs, (message) => this.#receive(message)) : undefined
  }

  subscribe (listener: Listener): () => void {
    this.#listeners.add(listener)
    return () => { this.#listeners.delete(listener) }
  }

  /** The access token held now (undefined when signed out). */
  get accessToken (): string | undefined {
    return this.#token?.value
  }

  /** The access token to send: refreshed first when its refresh time has come. */
  async tokenForRequest (): Promise<string | undefined> {
    const token = this.#token
    if (token && this.#options.now() >= token.refreshAt) {
      // A failed refresh that did not end the session (429, 503, offline) leaves the current
      // token: it may still be valid, and the answer tells the caller if not.
      await this.refresh().catch(() => false)
    }
    return this.#token?.value
  }

  async signIn (credentials: SignInCredentials): Promise<User> {
    const body = { ...credentials, ...this.#deliveryField() } as AnyBody
    const { user, tokens } = unwrap(await this.#api.POST('/api/auth/login', { body, ...this.#credentialsInit() }))
    return this.#signedIn(user, tokens)
  }

  async register (input: RegisterInput): Promise<User> {
    const body = { ...input, ...this.#deliveryField() } as AnyBody
    const { user, tokens } = unwrap(await this.#api.POST('/api/auth/register', { body, ...this.#credentialsInit() }))
    return this.#signedIn(user, tokens)
  }

  /** Page load: in cookie delivery, the session of the refresh cookie (null when there is none). */
  async resume (): Promise<User | null> {
    if (this.user) return this.user
    if (this.#options.delivery === 'body') return null
    if (!await this.#refreshQuietly()) return null
    const token = this.#token?.value
    if (!token) return null
    const { user } = unwrap(await this.#api.GET('/api/auth/me', { headers: { authorization: `Bearer ${token}` } }))
    this.user = user
    this.#emit({ user })
    return user
  }

  async signOut (scope: SignOutScope = 'current'): Promise<void> {
    const refreshToken = this.#refreshToken
    try {
      if (this.#options.delivery === 'cookie' || refreshToken) {
        const body = (refreshToken ? { refreshToken, scope } : { scope }) as AnyBody
        unwrap(await this.#api.POST('/api/auth/logout', { body, ...this.#cookieAuthInit() }))
      }
    } finally {
      if (scope !== 'others') this.#end('SIGNED_OUT', true)
    }
  }

  /** One refresh for every concurrent caller (and every tab); true when a fresh token is held. */
  refresh (): Promise<boolean> {
    this.#inflight ??= this.#refreshShared().finally(() => { this.#inflight = undefined })
    return this.#inflight
  }

  /** A request answered TOKEN_EXPIRED with `used`: true when a newer token is there to retry with. */
  async expired (used: string): Promise<boolean> {
    if (this.#token && this.#token.value !== used) return true
    if (!this.#token) return false
    return this.refresh().catch(() => false)
  }

  /** A request answered TOKEN_REVOKED with `used`: the session has ended (unless already replaced). */
  revoked (used: string): void {
    if (this.#token?.value === used) this.#end('TOKEN_REVOKED', true)
  }

  close (): void {
    this.#tabs?.close()
  }

  async #refreshQuietly (): Promise<boolean> {
    try {
      return await this.refresh()
    } catch (err) {
      // No cookie, or one the browser no longer holds, is no session rather than a failure.
      if ((err as { status?: number }).status === 400) return false
      throw err
    }
  }

  async #refreshShared (): Promise<boolean> {
    if (!this.#tabs) return this.#refreshNow()
    const seen = this.#version
    return this.#tabs.exclusive(async () => {
      // Another tab refreshed while this one waited for the lock and handed the token over.
      if (this.#version !== seen && this.#token && this.#options.now() < this.#token.refreshAt) return true
      return this.#refreshNow()
    })
  }

  async #refreshNow (): Promise<boolean> {
    const cookie = this.#options.delivery === 'cookie'
    if (!cookie && !this.#refreshToken) return false
    const body = (cookie ? {} : { refreshToken: this.#refreshToken }) as AnyBody
    const result = await this.#api.POST('/api/auth/refresh', { body, ...this.#cookieAuthInit() })
    if (result.response.ok) {
      const { tokens } = unwrap(result)
      this.#setTokens(tokens)
      if (this.#token) this.#post({ type: 'token', accessToken: this.#token.value, expiresAt: this.#token.expiresAt })
      return true
    }
    const error = apiError(result.response.status, result.error)
    if (error.code === 'REFRESH_TOKEN_INVALID') {
      this.#end('SESSION_EXPIRED', true)
      return false
    }
    if (error.code === 'ACCOUNT_BLOCKED') {
      this.#end('ACCOUNT_BLOCKED', true)
      return false
    }
    throw error
  }

  #signedIn (user: User, tokens: TokenAnswer): User {
    this.user = user
    this.#setTokens(tokens)
    if (this.#token) this.#post({ type: 'signed-in', user, accessToken: this.#token.value, expiresAt: this.#token.expiresAt })
    this.#emit({ user })
    return user
  }

  #setTokens (tokens: TokenAnswer): void {
    const now = this.#options.now()
    this.#setAccess(tokens.accessToken, now + tokens.expiresIn * 1000)
    // Cookie delivery: the refresh token stays in the HttpOnly cookie, out of the page's reach.
    if (this.#options.delivery === 'body') this.#refreshToken = tokens.refreshToken
  }

  #setAccess (value: string, expiresAt: number): void {
    this.#token = accessToken(value, expiresAt, this.#options.now(), this.#options.random)
    this.#version++
  }

  #end (reason: SignedOutReason, tellTabs: boolean): void {
    const wasSignedIn = this.user !== null || this.#token !== undefined
    this.user = null
    this.#token = undefined
    this.#refreshToken = undefined
    this.#version++
    if (tellTabs) this.#post({ type: 'signed-out', reason })
    if (!wasSignedIn) return
    this.#emit({ user: null, reason })
    this.#options.onSignedOut?.(reason)
  }

  #receive (message: TabMessage): void {
    if (message.type === 'token') this.#setAccess(message.accessToken, message.expiresAt)
    else if (message.type === 'signed-in') {
      this.user = message.user
      this.#setAccess(message.accessToken, message.expiresAt)
      this.#emit({ user: message.user })
    } else if (message.type === 'signed-out') this.#end(message.reason, false)
  }

  #post (message: TabMessage): void {
    this.#tabs?.post(message)
  }

  #emit (state: SessionState): void {
    for (const listener of this.#listeners) listener(state)
  }

  #deliveryField (): { tokenDelivery?: 'cookie' } {
    return this.#options.delivery === 'cookie' ? { tokenDelivery: 'cookie' } : {}
  }

  /** Cookie delivery: the browser sends and stores the refresh cookie for the page's own origin. */
  #credentialsInit (): { credentials?: RequestInit['credentials'] } {
    return this.#options.delivery === 'cookie' ? { credentials: 'same-origin' } : {}
  }

  /** Requests the cookie authenticates carry the custom header the CSRF check asks for. */
  #cookieAuthInit (): { credentials?: RequestInit['credentials'], headers?: Record<string, string> } {
    return this.#options.delivery === 'cookie' ? { credentials: 'same-origin', headers: { 'x-rekam-csrf': '1' } } : {}
  }
}
