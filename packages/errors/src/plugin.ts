import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createErrorHandler } from './error-handler.js'

export interface ErrorsPluginOptions {
  /** Show internal error messages in 500 answers (never in production). */
  development?: boolean
}

/**
 * One error envelope for every service: sets the error handler. The 404 handler is
 * `notFoundPlugin`, registered once the service's rate limiter is.
 * @see https://github.com/fastify/demo/blob/main/src/app.ts
 */
async function errorsPlugin (fastify: FastifyInstance, opts: ErrorsPluginOptions) {
  fastify.setErrorHandler(createErrorHandler(opts.development ?? false))
}

export default fp(errorsPlugin, { name: '@rekam/errors', fastify: '5.x' })
