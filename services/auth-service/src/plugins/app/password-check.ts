import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createLoginThrottle } from '../../services/login-throttle.js'
import { createPasswordCheck, type PasswordCheck } from '../../services/password-check.js'

declare module 'fastify' {
  interface FastifyInstance {
    passwordCheck: PasswordCheck
  }
}

/** Sign-ins and current-password checks, under the login-failure counters. */
export default fp(async function passwordCheckPlugin (fastify: FastifyInstance) {
  const { config } = fastify
  const throttle = createLoginThrottle(fastify.rateLimitsRepository, fastify.securityEventsRepository, {
    maxPerAccount: config.LOGIN_MAX_FAILURES,
    maxPerAddress: config.LOGIN_MAX_FAILURES_PER_IP,
    windowSeconds: config.LOGIN_FAILURE_WINDOW,
  })
  fastify.decorate('passwordCheck', createPasswordCheck({ passwords: fastify.passwords, throttle, events: fastify.securityEventsRepository }))
}, { name: 'password-check', dependencies: ['passwords', 'rate-limits-repository', 'security-events-repository'] })
