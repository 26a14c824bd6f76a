import { appError, errorResponses, tooManyRequests } from '@rekam/errors'
import { MessageOnlySchema, ok, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { localeFrom } from '../../lib/accept-language.js'
import { clientMeta } from '../../lib/client-meta.js'
import { limitHeaders } from '../../lib/limit-headers.js'
import { hashRefreshToken } from '../../lib/refresh-token.js'
import type { PresentedRefreshToken } from '../../plugins/app/refresh-cookie.js'
import {
  AuthResultSchema, CookieAuthHeadersSchema, RegisterResultSchema, DeliveredTokensSchema, LoginBodySchema, loginValidationError, LogoutBodySchema, RefreshBodySchema,
  RefreshCookieSchema, RegisterBodySchema, SetCookieHeaderSchema, SetPasswordBodySchema,
} from '../../schemas/auth.js'
import { MfaChallengeSchema, MfaEnrollmentRequiredSchema } from '../../schemas/mfa.js'
import { toUser } from '../../schemas/user.js'

const tags = ['auth']

/**
 * Refresh and logout with neither a body token nor the cookie: 401 REFRESH_TOKEN_INVALID, the
 * answer of a token that cannot be used, so a page opened without a session learns "signed out"
 * the way an expired session tells it.
 */
const noRefreshToken = () => appError('REFRESH_TOKEN_INVALID', 'No refresh token: send refreshToken in the body, or the refresh cookie')

/** The body's token, else the cookie's (then `byCookie`); 401 REFRESH_TOKEN_INVALID with neither. */
function presentedOrRefuse (presented: PresentedRefreshToken | undefined): PresentedRefreshToken {
  if (!presented) throw noRefreshToken()
  return presented
}

/** A refresh answered with these codes found the cookie's session dead: the cookie is cleared. */
const DEAD_SESSION_CODES = new Set(['REFRESH_TOKEN_INVALID', 'ACCOUNT_BLOCKED'])

const COOKIE_CHECKS = 'Without refreshToken in the body the refresh cookie is used, and the request must pass the CSRF checks, otherwise 403 CSRF_REJECTED (and a CSRF_REJECTED security event): an Origin header that is the gateway\'s own origin (PUBLIC_URL\'s) or one of CORS_ORIGINS; Sec-Fetch-Site, when sent, same-origin or same-site; and the header x-rekam-csrf: 1. A token in the body is not checked.'

/** Register, login, refresh and logout: the routes that need no access token. */
const credentialsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { credentials, refreshCookie, refreshLimit, sessionManager, config } = fastify
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: 60_000 } })

  fastify.post('/register', {
    config: perMinute(config.RATE_LIMIT_REGISTER),
    schema: {
      tags,
      summary: 'Create a PATIENT account and sign it in',
      body: RegisterBodySchema,
      description: 'The account\'s language (locale) is the first of id and en that Accept-Language prefers (id by default). When mail is configured, a link to verify the address is mailed (valid 24 hours; POST /api/auth/email/verify). With EMAIL_VERIFICATION=required the answer has no tokens but emailVerificationRequired: true, and sign-in answers 403 EMAIL_NOT_VERIFIED until the link is opened. With tokenDelivery "cookie" the refresh token is set as the HttpOnly cookie __Host-rekam-refresh and left out of the body.',
      response: {
        201: { ...success(RegisterResultSchema), ...SetCookieHeaderSchema },
        ...errorResponses(400, 409, 413, 415, 429),
      },
    },
  }, async (request, reply) => {
    const result = await credentials.register(request.body, localeFrom(request.headers['accept-language']), clientMeta(request))
    reply.code(201)
    const { verificationSent } = result
    if (!('tokens' in result)) return ok({ user: toUser(result.user), verificationSent, emailVerificationRequired: true as const }, 'Registered; open the link mailed to you to sign in')
    return ok({ user: toUser(result.user), tokens: refreshCookie.deliver(reply, result.tokens, request.body.tokenDelivery), verificationSent }, 'Registered')
  })

  fastify.post('/login', {
    schemaErrorFormatter: loginValidationError,
    schema: {
      tags,
      summary: 'Sign in with username or email and password',
      body: LoginBodySchema,
      response: {
        200: { ...success(Type.Union([AuthResultSchema, MfaChallengeSchema, MfaEnrollmentRequiredSchema])), ...SetCookieHeaderSchema },
        ...errorResponses(400, 'INVALID_CREDENTIALS', 'ACCOUNT_BLOCKED', 'EMAIL_NOT_VERIFIED', 429),
      },
      description: 'With EMAIL_VERIFICATION=required, a right password of an account whose address is not verified answers 403 EMAIL_NOT_VERIFIED (ask for a new link: POST /api/auth/email/verify/resend). A user with a second factor gets { mfaRequired, ticket, methods, expiresIn } and no tokens: finish with POST /api/auth/mfa/verify. A user whose role is in MFA_REQUIRED_ROLES and who has no factor gets { mfaEnrollmentRequired, ticket, methods, expiresIn }: enrol with that ticket (POST /api/auth/mfa/totp), and confirming the factor signs in. Each attempt counts before its password is checked, and a right password clears the account\'s count: past LOGIN_MAX_FAILURES attempts for one account or name (or LOGIN_MAX_FAILURES_PER_IP from one address) within LOGIN_FAILURE_WINDOW, every attempt answers 429 with Retry-After and the x-ratelimit-* headers until the window ends. With tokenDelivery "cookie" the refresh token is set as the HttpOnly cookie __Host-rekam-refresh and left out of the body.',
    },
  }, async (request, reply) => {
    const result = await credentials.login(request.body, clientMeta(request))
    if (!('tokens' in result)) return ok(result)
    return ok({ user: toUser(result.user), tokens: refreshCookie.deliver(reply, result.tokens, request.body.tokenDelivery) })
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
    preHandler: fastify.csrfGuard,
    schema: {
      tags,
      summary: 'Exchange a refresh token for a new token pair (the old one stops working)',
      description: `At most RATE_LIMIT_REFRESH refreshes per client address per minute (a request with a malformed body is refused before it is counted). ${COOKIE_CHECKS} A token that came by cookie is answered by cookie (the new refresh token replaces the cookie, the body has none); an answer that finds the cookie's session dead (401 REFRESH_TOKEN_INVALID, 403 ACCOUNT_BLOCKED) clears the cookie. A token of a session that ended because its user was blocked answers 403 ACCOUNT_BLOCKED (when it would otherwise have been exchanged): its holder proves they had the session, so this reveals nothing new, and the portal can tell the user why; other ended sessions answer 401 REFRESH_TOKEN_INVALID.`,
      body: RefreshBodySchema,
      headers: CookieAuthHeadersSchema,
      cookies: RefreshCookieSchema,
      response: {
        200: { ...success(Type.Object({ tokens: DeliveredTokensSchema })), ...SetCookieHeaderSchema },
        ...errorResponses(400, 'REFRESH_TOKEN_INVALID', 'ACCOUNT_BLOCKED', 'CSRF_REJECTED', 429),
      },
    },
  }, async (request, reply) => {
    const presented = presentedOrRefuse(refreshCookie.presented(request))
    const delivery = presented.byCookie ? 'cookie' : request.body.tokenDelivery
    try {
      const result = await refreshLimit.refresh(presented.token, clientMeta(request))
      const secondsLeft = limitHeaders(reply, refreshLimit.max, result.window)
      if (result.limited) throw tooManyRequests(secondsLeft)
      return ok({ tokens: refreshCookie.deliver(reply, result.tokens, delivery) })
    } catch (err) {
      if (presented.byCookie && DEAD_SESSION_CODES.has((err as { code?: string }).code ?? '')) refreshCookie.clear(reply)
      throw err
    }
  })

  fastify.post('/logout', {
    preHandler: fastify.csrfGuard,
    schema: {
      tags,
      summary: 'End the refresh token\'s session, the user\'s other sessions, or all of them (idempotent)',
      description: `${COOKIE_CHECKS} The scopes that end the session of the cookie (current, all) clear the cookie, also when its session had already ended. Scope others needs the token's session to have signed in (or stepped up) within STEP_UP_MAX_AGE seconds, with a second factor when the user has one or the role requires one: otherwise 401 STEP_UP_REQUIRED (POST /api/auth/reauthenticate, then retry).`,
      body: LogoutBodySchema,
      headers: CookieAuthHeadersSchema,
      cookies: RefreshCookieSchema,
      response: { 200: { ...MessageOnlySchema, ...SetCookieHeaderSchema }, ...errorResponses(400, 'REFRESH_TOKEN_INVALID', 'STEP_UP_REQUIRED', 'CSRF_REJECTED', 429) },
    },
  }, async (request, reply) => {
    const presented = presentedOrRefuse(refreshCookie.presented(request))
    const scope = request.body.scope ?? 'current'
    if (scope === 'others') {
      // Ending the other sessions is a step-up operation, as DELETE /sessions/:id is with a bearer.
      const found = await fastify.sessionsRepository.findCandidate(hashRefreshToken(presented.token))
      if (found && !found.session.revoked) await fastify.stepUpSession(request, reply, { user: found.user, acr: found.session.acr, authTime: found.session.authTime })
    }
    await sessionManager.logout(presented.token, scope, clientMeta(request))
    // 'others' leaves the cookie's session live; 'all' by a body token ends it too.
    if ((presented.byCookie && scope !== 'others') || (scope === 'all' && refreshCookie.read(request))) refreshCookie.clear(reply)
    return ok(null, 'Logged out')
  })
}

export default credentialsRoutes
