import type { IncomingMessage, ServerResponse } from 'node:http'
import cors from '@fastify/cors'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'
import type { FastifyInstance } from 'fastify'

export interface SecurityOptions {
  /** Comma-separated browser origins allowed by CORS; unset or empty allows none. */
  corsOrigins?: string | undefined
}

/**
 * HSTS, sent only on answers to requests that came over HTTPS (a TLS socket, or a trusted proxy's
 * X-Forwarded-Proto: TRUST_PROXY). Over plain HTTP browsers ignore it anyway (RFC 6797 8.1), and a
 * deployment that serves HTTP on purpose (a LAN, the docs on a test host) must not claim HTTPS.
 * The gateways send the same value on their own HTTPS answers.
 */
export const HSTS = 'max-age=31536000; includeSubDomains'

/** Headers for a JSON API: a policy that lets a response load nothing, embed nothing. */
const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    // helmet's default upgrade-insecure-requests is left out: an answer that loads nothing has
    // nothing to upgrade, and served over plain HTTP it would send a browser to an https:// that
    // is not there.
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], upgradeInsecureRequests: null },
  },
  strictTransportSecurity: false,
  // Cross-origin callers are governed by CORS below.
  crossOriginResourcePolicy: { policy: 'same-site' },
}

/**
 * The headers helmet sets for these options, computed once by running its middleware against a
 * response that only records them: with static directives they depend on no request.
 */
export function helmetHeaders (options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {}
  const recorder = {
    setHeader (name: string, value: unknown) { headers[name.toLowerCase()] = String(value) },
    removeHeader (name: string) { delete headers[name.toLowerCase()] },
  }
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error
  })
  return headers
}

/**
 * Security headers for a JSON API (helmet) and CORS from an allow-list: an origin is echoed only
 * when it is on the list, never reflected blindly.
 * helmet is used directly rather than through @fastify/helmet, which builds helmet's middleware
 * again on every request (a tenth of a protected route's CPU in the benchmark's profile).
 * @see https://helmetjs.github.io/
 */
async function securityPlugin (fastify: FastifyInstance, opts: SecurityOptions) {
  const headers = helmetHeaders(HELMET_OPTIONS)
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers)
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS)
    done()
  })
  const origins = (opts.corsOrigins ?? '').split(',').map((origin) => origin.trim()).filter(Boolean)
  await fastify.register(cors, {
    origin: origins.length ? origins : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    // x-rekam-csrf and credentials: a listed origin's page may refresh and sign out with
    // auth-service's refresh cookie (which the CSRF checks hold to the same list).
    allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'x-rekam-csrf'],
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  })
}

export default fp(securityPlugin, { name: '@rekam/security', fastify: '5.x' })
