import { decodeJwt } from 'jose'
import type { AuthApp } from '../../../src/app.js'
import { bearer } from '../../helper.js'

/** The message of every refused refresh token. */
export const INVALID = 'The refresh token is invalid or has expired'

/** Exchanges a refresh token given in the body. */
export function refresh (on: AuthApp, refreshToken: unknown) {
  return on.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })
}

/** GET /api/auth/me with a bearer access token. */
export function me (on: AuthApp, accessToken: string) {
  return on.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(accessToken) })
}

/** The session id (sid claim) of an access token. */
export const sessionIdOf = (accessToken: string) => String(decodeJwt(accessToken).sid)
