import fp from 'fastify-plugin'
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify'
import { createErrorHandler, envelope } from './error-handler.js'

/** @fastify/rate-limit's decorator, typed here so this package needs no dependency on it. */
type RateLimitFactory = (opts: { max: number, timeWindow: string }) => preHandlerAsyncHookHandler

export interface ErrorsPluginOptions {
  /** Show internal error messages in 500 answers (never in production). */
  development?: boolean
}

/**
 * One error envelope for every service: sets the error handler and the 404 handler.
 * The 404 handler is rate-limited when @fastify/rate-limit is registered before this
 * plugin, because an unlimited 404 is a free oracle for probing URLs.
 * @see https://github.com/fastify/demo/blob/main/src/app.ts
 */
async function errorsPlugin (fastify: FastifyInstance, opts: ErrorsPluginOptions) {
  fastify.setErrorHandler(createErrorHandler(opts.development ?? false))

  const limiterFactory = (fastify as unknown as { rateLimit?: RateLimitFactory }).rateLimit
  const notFoundLimiter = limiterFactory?.({ max: 60, timeWindow: '1 minute' })

  fastify.setNotFoundHandler({ preHandler: notFoundLimiter }, (request, reply) => {
    return reply.code(404).send(envelope(request, {
      status: 404,
      code: 'NOT_FOUND',
      message: `Route ${request.method} ${request.url.split('?')[0]} not found`,
    }))
  })
}

export default fp(errorsPlugin, { name: '@rekam/errors', fastify: '5.x' })
