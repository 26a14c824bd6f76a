import { csrfRejected } from '@rekam/errors'
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { clientMeta } from '../../lib/client-meta.js'
import { hashRefreshToken } from '../../lib/refresh-token.js'
import { routeLimitKey } from '../../services/counters.js'

/** Why a cookie-authenticated request was refused, as its security event's reason says. */
export type CsrfRefusal = 'missing_origin' | 'origin_not_allowed' | 'cross_site' | 'missing_csrf_header'

/** The custom header a cookie-authenticated request must carry; a cross-origin page cannot send it without a CORS preflight. */
export const CSRF_HEADER = 'x-rekam-csrf'

/** Sec-Fetch-Site values of a request made by the gateway's own pages (or a sibling subdomain, which CORS_ORIGINS may list). */
const SAME_SITE = new Set(['same-origin', 'same-site'])

/** An origin as browsers serialise it (scheme, host, port when not the default); anything unparseable as given. */
function originOf (url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]']

/**
 * The gateway's own origin, and when it is a loopback name the other two as well: on the machine
 * itself people open http://localhost:3000 or http://127.0.0.1:3000 alike, and each is the same
 * gateway (a page of one cannot hold the other's host-only cookie anyway).
 */
function gatewayOrigins (publicUrl: string): string[] {
  const url = new URL(publicUrl)
  if (!LOOPBACK.includes(url.hostname)) return [url.origin]
  return LOOPBACK.map((host) => originOf(`${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`))
}

/** The origins allowed to use the cookie: the gateway's own (PUBLIC_URL's) and CORS_ORIGINS. */
export function allowedOrigins (publicUrl: string, corsOrigins: string | undefined): Set<string> {
  const listed = (corsOrigins ?? '').split(',').map((origin) => origin.trim()).filter(Boolean)
  return new Set([...gatewayOrigins(publicUrl), ...listed.map(originOf)])
}

/** The first CSRF rule a request breaks, or undefined when it passes them all. */
export function csrfRefusal (headers: FastifyRequest['headers'], allowed: Set<string>): CsrfRefusal | undefined {
  const origin = headers.origin
  if (origin === undefined) return 'missing_origin'
  if (!allowed.has(origin)) return 'origin_not_allowed'
  const site = headers['sec-fetch-site']
  if (site !== undefined && !SAME_SITE.has(String(site))) return 'cross_site'
  if (headers[CSRF_HEADER] !== '1') return 'missing_csrf_header'
  return undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler of the routes that accept the refresh cookie: 403 CSRF_REJECTED unless the request passes the CSRF checks. */
    csrfGuard: preHandlerAsyncHookHandler
  }
}

/**
 * CSRF defence for requests authenticated by the refresh cookie (refresh and logout without a
 * token in the body): the Origin must be the gateway's own or one of CORS_ORIGINS,
 * Sec-Fetch-Site (when sent) same-origin or same-site, and `x-rekam-csrf: 1` present. A refusal
 * answers 403 CSRF_REJECTED and records a security event naming the rule and, when the cookie
 * belongs to a known session, its user. A script can forge every header, so the events are
 * bounded: at most RATE_LIMIT_REFRESH per client address per minute (past that the refusal
 * stands, logged but not recorded). A token in the body is not ambient authority: those
 * requests are not checked. (OWASP ASVS 5.0 V3.5; OWASP CSRF cheat sheet: Fetch Metadata,
 * Origin verification, custom request headers.)
 */
export default fp(async function csrfGuardPlugin (fastify: FastifyInstance) {
  const { refreshCookie, securityEventsRepository: events, sessionsRepository: sessions, rateLimitsRepository: counters } = fastify
  const allowed = allowedOrigins(fastify.config.PUBLIC_URL, fastify.config.CORS_ORIGINS)
  const maxEvents = fastify.config.RATE_LIMIT_REFRESH

  /** One more refusal on the address's counter; a counter that cannot be kept records the event anyway. */
  async function mayRecord (ip: string): Promise<boolean> {
    try {
      return (await counters.hit(routeLimitKey('csrf-rejected', ip), 60)).count <= maxEvents
    } catch {
      return true
    }
  }

  fastify.decorate('csrfGuard', async function csrfGuard (request: FastifyRequest) {
    const presented = refreshCookie.presented(request)
    if (!presented?.byCookie) return
    const reason = csrfRefusal(request.headers, allowed)
    if (reason === undefined) return
    if (await mayRecord(request.ip)) {
      const candidate = await sessions.findCandidate(hashRefreshToken(presented.token))
      await events.record({
        type: 'CSRF_REJECTED',
        reason,
        userId: candidate?.user.id ?? null,
        sessionId: candidate?.session.id ?? null,
      }, clientMeta(request))
    }
    throw csrfRejected()
  })
}, { name: 'csrf-guard', dependencies: ['refresh-cookie', 'security-events-repository', 'sessions-repository', 'rate-limits-repository'] })
