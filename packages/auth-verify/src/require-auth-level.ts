import { stepUpRequired, unauthorized } from '@rekam/errors'
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { ACR_VALUES, type Acr } from './claims.js'

/** What an operation asks of the sign-in behind the token. */
export interface AuthLevelRequirement {
  /** The weakest acceptable level (`urn:rekam:aal2`: a second factor was used). */
  acr?: Acr
  /** The sign-in (`auth_time`) must be at most this many seconds old. */
  maxAgeSeconds?: number
}

export interface AuthLevelOptions {
  /** The clock, in ms since the epoch (Date.now by default); the plugin's decorator passes its own. */
  now?: () => number
}

const rank = (acr: Acr) => ACR_VALUES.indexOf(acr)

/**
 * A preHandler (or onRequest, after `authenticate`) hook: 401 `STEP_UP_REQUIRED` with the RFC 9470
 * challenge unless the token's `acr` is at least `acr` and its `auth_time` at most `maxAgeSeconds`
 * old. The challenge names what is required (`acr_values`, `max_age`), so a client knows what
 * to ask the user for before retrying.
 * @see https://www.rfc-editor.org/rfc/rfc9470#section-3
 */
export function requireAuthLevel (requirement: AuthLevelRequirement, options: AuthLevelOptions = {}): preHandlerAsyncHookHandler {
  const { acr, maxAgeSeconds } = requirement
  if (acr === undefined && maxAgeSeconds === undefined) throw new Error('requireAuthLevel needs an acr, a maxAgeSeconds or both')
  if (maxAgeSeconds !== undefined && !(Number.isInteger(maxAgeSeconds) && maxAgeSeconds >= 0)) {
    throw new Error('requireAuthLevel: maxAgeSeconds must be a whole number of seconds, 0 or more')
  }
  const now = options.now ?? Date.now
  const challenge = { ...(acr ? { acrValues: acr } : {}), ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}) }
  const tooWeak = acr ? 'This needs a sign-in with a second factor: confirm it is you, then try again' : undefined
  const tooOld = maxAgeSeconds !== undefined
    ? `This needs a sign-in within the last ${maxAgeSeconds} seconds: confirm it is you, then try again`
    : undefined

  return async function requireAuthLevelHook (request: FastifyRequest) {
    const user = request.user
    if (!user) throw unauthorized('A bearer access token is required')
    if (acr && tooWeak && rank(user.acr) < rank(acr)) throw stepUpRequired(tooWeak, challenge)
    if (tooOld && maxAgeSeconds !== undefined && Math.floor(now() / 1000) - user.auth_time > maxAgeSeconds) {
      throw stepUpRequired(tooOld, challenge)
    }
  }
}
