import { tokenInvalid } from '@rekam/errors'
import type { AccessTokenClaims, AccessTokenPayload } from './claims.js'

/**
 * The assurance claims of a verified payload. Tokens issued before auth-service added them carry
 * none of the three and count as a password sign-in at the token's issue time (`amr: ["pwd"]`,
 * `acr: urn:rekam:aal1`, `auth_time: iat`): the weakest level, so they never pass an `aal2`
 * requirement, and they live 15 minutes at most. A token with only some of them is refused: a
 * missing `auth_time` defaulted to `iat` would make an old sign-in look fresh after every refresh.
 * An `auth_time` in the future (beyond the skew) would outlive any `max_age`, so it is refused too.
 */
export function withAssurance (payload: AccessTokenPayload, nowMs: number, clockToleranceMs: number): AccessTokenClaims {
  const { amr, acr, auth_time: authTime } = payload
  if (amr === undefined && acr === undefined && authTime === undefined) {
    return { ...payload, amr: ['pwd'], acr: 'urn:rekam:aal1', auth_time: payload.iat }
  }
  if (amr === undefined || acr === undefined || authTime === undefined) {
    throw tokenInvalid('The access token carries only some of amr, acr and auth_time')
  }
  if (authTime * 1000 > nowMs + clockToleranceMs) throw tokenInvalid('The access token\'s sign-in time is in the future')
  return { ...payload, amr, acr, auth_time: authTime }
}
