import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

export interface SecurityOptions {
  /** Comma-separated browser origins allowed by CORS; unset or empty allows none. */
  corsOrigins?: string | undefined
}

/**
 * Security headers for a JSON API (helmet, with a policy that lets a response load nothing) and
 * CORS from an allow-list: an origin is echoed only when it is on the list, never reflected blindly.
 * @see https://github.com/fastify/fastify-helmet
 */
async function securityPlugin (fastify: FastifyInstance, opts: SecurityOptions) {
  await fastify.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    // Cross-origin callers are governed by CORS below.
    crossOriginResourcePolicy: { policy: 'same-site' },
  })
  const origins = (opts.corsOrigins ?? '').split(',').map((origin) => origin.trim()).filter(Boolean)
  await fastify.register(cors, {
    origin: origins.length ? origins : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  })
}

export default fp(securityPlugin, { name: '@rekam/security', fastify: '5.x' })
