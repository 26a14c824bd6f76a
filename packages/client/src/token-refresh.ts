import type { Client } from 'openapi-fetch'
import { cookieAuthInit } from './auth-requests.js'
import type { CrossTab } from './cross-tab.js'
import { apiError, unwrap } from './errors.js'
import type { SignedInState } from './signed-in-state.js'
import type { AuthPaths, Delivery, SignedOutReason } from './types.js'

/** The one refresh in flight every caller shares, and across tabs (cookie delivery) the one every tab shares. */
export class TokenRefresh {
  readonly #api: Client<AuthPaths>
  readonly #state: SignedInState
  readonly #tabs: CrossTab | undefined
  readonly #delivery: Delivery
  #inflight: Promise<boolean> | undefined

  constructor (api: Client<AuthPaths>, state: SignedInState, tabs: CrossTab | undefined, delivery: Delivery) {
    this.#api = api
    this.#state = state
    this.#tabs = tabs
    this.#delivery = delivery
  }

  /**
   * One refresh for every concurrent caller (and every tab); true when a fresh token is held.
   * A refresh token refused as invalid ends the session with `invalid` as the reason.
   */
  run (invalid: SignedOutReason = 'SESSION_EXPIRED'): Promise<boolean> {
    this.#inflight ??= this.#shared(invalid).finally(() => { this.#inflight = undefined })
    return this.#inflight
  }

  async quietly (): Promise<boolean> {
    try {
      return await this.run()
    } catch (err) {
      // A cookie the server cannot read is no session rather than a failure.
      if ((err as { status?: number }).status === 400) return false
      throw err
    }
  }

  async #shared (invalid: SignedOutReason): Promise<boolean> {
    if (!this.#tabs) return this.#now(invalid)
    return this.#tabs.refreshOnce(async () => {
      try {
        return await this.#now(invalid)
      } catch (err) {
        this.#tabs?.post({ type: 'refresh-failed' })
        throw err
      }
    }, () => this.#state.fresh())
  }

  async #now (invalid: SignedOutReason): Promise<boolean> {
    const cookie = this.#delivery === 'cookie'
    if (!cookie && !this.#state.refreshToken) return false
    const body = cookie ? {} : { refreshToken: this.#state.refreshToken }
    const result = await this.#api.POST('/api/auth/refresh', { body, ...cookieAuthInit(this.#delivery) })
    if (result.response.ok) {
      this.#state.refreshed(unwrap(result).tokens)
      return true
    }
    const error = apiError(result.response.status, result.error)
    if (error.code === 'REFRESH_TOKEN_INVALID' || error.code === 'ACCOUNT_BLOCKED') {
      this.#state.end(error.code === 'ACCOUNT_BLOCKED' ? 'ACCOUNT_BLOCKED' : invalid, true)
      return false
    }
    throw error
  }
}
