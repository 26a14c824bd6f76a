import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createEmailTokens, type EmailTokens } from '../../services/email-tokens.js'

declare module 'fastify' {
  interface FastifyInstance {
    emailTokens: EmailTokens
  }
}

export interface EmailTokensOptions {
  /** The clock in epoch ms; the system clock unless a test moves time instead of waiting. */
  now?: (() => number) | undefined
}

/** The single-use tokens of mailed links (verification, password reset, email change). */
export default fp<EmailTokensOptions>(async function emailTokensPlugin (fastify: FastifyInstance, opts) {
  fastify.decorate('emailTokens', createEmailTokens(fastify.emailTokensRepository, opts.now ?? Date.now))
}, { name: 'email-tokens', dependencies: ['email-tokens-repository'] })
