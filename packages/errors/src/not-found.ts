import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { envelope } from './error-handler.js'

export interface NotFoundPluginOptions {
  /**
   * The limiter every unknown-route request passes first, usually `fastify.rateLimit({ ... })`
   * from @fastify/rate-limit. Required: an unlimited 404 is a free oracle for probing URLs.
   */
  rateLimit: preHandlerAsyncHookHandler
}

/**
 * The 404 handler, in the envelope, behind a rate limit. Separate from the error handler
 * because a service's limiter may need its own plugins first (auth-service keeps its counters
 * in PostgreSQL); register it after the limiter, which `dependencies` enforces.
 * @see https://github.com/fastify/demo/blob/main/src/app.ts
 */
async function notFoundPlugin (fastify: FastifyInstance, opts: NotFoundPluginOptions) {
  fastify.setNotFoundHandler({ preHandler: opts.rateLimit }, answerNotFound)
}

/**
 * The 404 answer in the envelope, without a limit: for a gateway, whose unknown routes lead to
 * nothing (nginx's own 404 is not limited either); a service uses `notFoundPlugin`.
 */
export function answerNotFound (request: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).send(envelope(request, {
    status: 404,
    code: 'NOT_FOUND',
    message: `Route ${request.method} ${request.url.split('?')[0]} not found`,
  }))
}

export default fp(notFoundPlugin, { name: '@rekam/errors/not-found', fastify: '5.x', dependencies: ['@rekam/errors', '@fastify/rate-limit'] })
