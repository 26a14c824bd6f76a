import { accessToken, type AccessToken } from './access-token.js'
import type { CrossTab, TabMessage } from './cross-tab.js'
import type { Delivery, SessionState, SignedOutReason, TokenAnswer, User } from './types.js'

export interface StateOptions {
  delivery: Delivery
  now: () => number
  random: () => number
  onSignedOut?: ((reason: SignedOutReason) => void) | undefined
}

/**
 * Who is signed in and with which tokens, all in memory: the user, the access token, and in body
 * delivery the refresh token (in cookie delivery it stays in the HttpOnly cookie). Changes are
 * told to the listeners and, through `tabs`, to the other tabs.
 */
export class SignedInState {
  user: User | null = null
  token: AccessToken | undefined
  refreshToken: string | undefined
  tabs: CrossTab | undefined
  readonly #options: StateOptions
  readonly #listeners = new Set<(state: SessionState) => void>()
  readonly #tokenListeners = new Set<() => void>()

  constructor (options: StateOptions) {
    this.#options = options
  }

  subscribe (listener: (state: SessionState) => void): () => void {
    this.#listeners.add(listener)
    return () => { this.#listeners.delete(listener) }
  }

  /** `listener` is told of every new access token: a sign-in, a refresh, a step-up, another tab's. */
  onToken (listener: () => void): () => void {
    this.#tokenListeners.add(listener)
    return () => { this.#tokenListeners.delete(listener) }
  }

  /** True when a token is held whose refresh time has not come. */
  fresh (): boolean {
    return this.token !== undefined && this.#options.now() < this.token.refreshAt
  }

  signedIn (user: User, tokens: TokenAnswer): void {
    this.user = user
    this.setTokens(tokens)
    if (this.token) this.tabs?.post({ type: 'signed-in', user, accessToken: this.token.value, expiresAt: this.token.expiresAt })
    this.#emit({ user })
  }

  /** The user read after a resume. */
  resumed (user: User): void {
    this.user = user
    this.#emit({ user })
  }

  /** A refresh's tokens, handed to the other tabs. */
  refreshed (tokens: TokenAnswer): void {
    this.setTokens(tokens)
    if (this.token) this.tabs?.post({ type: 'token', accessToken: this.token.value, expiresAt: this.token.expiresAt })
  }

  /** A step-up's access token (same session, same refresh token), handed to the other tabs. */
  reauthenticated (accessToken: string, expiresIn: number): void {
    this.#setAccess(accessToken, this.#options.now() + expiresIn * 1000)
    if (this.token) this.tabs?.post({ type: 'token', accessToken: this.token.value, expiresAt: this.token.expiresAt })
  }

  setTokens (tokens: TokenAnswer): void {
    this.#setAccess(tokens.accessToken, this.#options.now() + tokens.expiresIn * 1000)
    if (this.#options.delivery === 'body') this.refreshToken = tokens.refreshToken
  }

  /** Forgets everything; reports the reason when someone was signed in. */
  end (reason: SignedOutReason, tellTabs: boolean): void {
    const wasSignedIn = this.user !== null || this.token !== undefined
    this.user = null
    this.token = undefined
    this.refreshToken = undefined
    if (tellTabs) this.tabs?.post({ type: 'signed-out', reason })
    if (!wasSignedIn) return
    this.#emit({ user: null, reason })
    this.#options.onSignedOut?.(reason)
  }

  /** Another tab's news about the session they share. */
  receive (message: TabMessage): void {
    if (message.type === 'token') this.#setAccess(message.accessToken, message.expiresAt)
    else if (message.type === 'signed-in') {
      this.user = message.user
      this.#setAccess(message.accessToken, message.expiresAt)
      this.#emit({ user: message.user })
    } else if (message.type === 'signed-out') this.end(message.reason, false)
  }

  #setAccess (value: string, expiresAt: number): void {
    this.token = accessToken(value, expiresAt, this.#options.now(), this.#options.random)
    for (const listener of this.#tokenListeners) listener()
  }

  #emit (state: SessionState): void {
    for (const listener of this.#listeners) listener(state)
  }
}
