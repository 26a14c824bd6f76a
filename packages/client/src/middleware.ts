import type { Middleware } from 'openapi-fetch'
import { errorCode } from './errors.js'
import type { Session } from './session.js'
import { stepUpChallenge, type StepUpChallenge } from './step-up.js'

/**
 * The bearer on every request (refreshed first when due), one retry after TOKEN_EXPIRED with the
 * refreshed token, and the end of the session on TOKEN_REVOKED (with ACCOUNT_BLOCKED as the
 * reason when the refresh says so). A 401 STEP_UP_REQUIRED leaves the session alone (the token
 * is valid, the sign-in too weak or old for that operation): `onStepUpRequired` is told, and the
 * answer goes back to the caller unchanged, neither refreshed nor retried.
 */
export function sessionMiddleware (session: Session, onStepUpRequired?: (challenge: StepUpChallenge) => void): Middleware {
  // Per request: the token it was sent with and an unsent copy for the retry (a body is read once).
  const sent = new Map<string, { token: string, copy: Request }>()
  return {
    async onRequest ({ request, id }) {
      const token = await session.tokenForRequest()
      if (!token || request.headers.has('authorization')) return undefined
      request.headers.set('authorization', `Bearer ${token}`)
      sent.set(id, { token, copy: request.clone() })
      return request
    },
    async onResponse ({ response, id, options }) {
      const request = sent.get(id)
      sent.delete(id)
      if (!request || response.status !== 401) return undefined
      const code = await errorCode(response)
      if (code === 'STEP_UP_REQUIRED') {
        onStepUpRequired?.(stepUpChallenge(response.headers.get('www-authenticate')))
        return undefined
      }
      const renewed = code === 'TOKEN_EXPIRED'
        ? await session.expired(request.token)
        : code === 'TOKEN_REVOKED' && await session.revoked(request.token)
      const token = session.accessToken
      if (!renewed || !token) return undefined
      request.copy.headers.set('authorization', `Bearer ${token}`)
      const retried = await options.fetch(request.copy)
      // Retried once only: the retry's answer stands, and a revoked session ends here.
      if (retried.status === 401 && await errorCode(retried) === 'TOKEN_REVOKED') session.state.end('TOKEN_REVOKED', true)
      return retried
    },
    onError ({ id }) {
      sent.delete(id)
    },
  }
}
