import { errorResponses, tooManyRequests } from '@rekam/errors'
import { MessageOnlySchema, ok, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { limitHeaders } from '../../lib/limit-headers.js'
import {
  AuthResultSchema, LoginBodySchema, loginValidationError, LogoutBodySchema, RefreshBodySchema, RegisterBodySchema, SetPasswordBodySchema, TokensSchema,
} from '../../schemas/auth.js'
import { toUser } from '../../schemas/user.js'

const tags = ['auth']

/** Register, login, refresh and logout: the routes that need no access token. */
const credentialsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { credentials, refreshLimit, sessionManager, config } = fastify
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: 60_000 } })

  fastify.post('/register', {
    config: perMinute(config.RATE_LIMIT_REGISTER),
    schema: {
      tags,
      summary: 'Create a PATIENT account and sign it in',
      body: RegisterBodySchema,
      response: { 201: success(AuthResultSchema), ...errorResponses(400, 409, 413, 415, 429) },
    },
  }, async (request, reply) => {
    const { user, tokens } = await credentials.register(request.body, clientMeta(request))
    reply.code(201)
    return ok({ user: toUser(user), tokens }, 'Registered')
  })

  fastify.post('/login', {
    schemaErrorFormatter: loginValidationError,
    schema: {
      tags,
      summary: 'Sign in with username or email and password',
      body: LoginBodySchema,
      response: { 200: success(AuthResultSchema), ...errorResponses(400, 'INVALID_CREDENTIALS', 'ACCOUNT_BLOCKED', 429) },
      description: 'Each attempt counts before its password is checked, and a right password clears the account\'s count: past LOGIN_MAX_FAILURES attempts for one account or name (or LOGIN_MAX_FAILURES_PER_IP from one address) within LOGIN_FAILURE_WINDOW, every attempt answers 429 with Retry-After and the x-ratelimit-* headers until the window ends.',
    },
  }, async (request) => {
    const { user, tokens } = await credentials.login(request.body, clientMeta(request))
    return ok({ user: toUser(user), tokens })
  })

  fastify.post('/set-password', {
    config: perMinute(config.RATE_LIMIT_CHANGE_PASSWORD),
    schema: {
      tags,
      summary: 'Choose the password of an account created for you, with the token of its set-password link',
      description: 'The token works once and until the link expires; a password the policy refuses leaves it usable. Signs nothing in: sign in with the new password afterwards.',
      body: SetPasswordBodySchema,
      response: { 200: MessageOnlySchema, ...errorResponses(400, 'SET_PASSWORD_TOKEN_INVALID', 413, 415, 429) },
    },
  }, async (request) => {
    await fastify.staffAccounts.setPassword(request.body.token, request.body.password, clientMeta(request))
    return ok(null, 'Password set; sign in with it')
  })

  fastify.post('/refresh', {
    schema: {
      tags,
      summary: 'Exchange a refresh token for a new token pair (the old one stops working)',
      description: 'At most RATE_LIMIT_REFRESH refreshes per client address per minute (a request with a malformed body is refused before it is counted).',
      body: RefreshBodySchema,
      response: { 200: success(Type.Object({ tokens: TokensSchema })), ...errorResponses(400, 'REFRESH_TOKEN_INVALID', 429) },
    },
  }, async (request, reply) => {
    const result = await refreshLimit.refresh(request.body.refreshToken, clientMeta(request))
    const secondsLeft = limitHeaders(reply, refreshLimit.max, result.window)
    if (result.limited) throw tooManyRequests(secondsLeft)
    return ok({ tokens: result.tokens })
  })

  fastify.post('/logout', {
    schema: {
      tags,
      summary: 'End the refresh token\'s session, the user\'s other sessions, or all of them (idempotent)',
      body: LogoutBodySchema,
      response: { 200: MessageOnlySchema, ...errorResponses(400, 429) },
    },
  }, async (request) => {
    await sessionManager.logout(request.body.refreshToken, request.body.scope ?? 'current', clientMeta(request))
    return ok(null, 'Logged out')
  })
}

export default credentialsRoutes
