import { errorResponses } from '@rekam/errors'
import { MessageOnlySchema, ok, success } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { PasswordResetConfirmSchema, PasswordResetRequestSchema, PasswordResetTokenBodySchema } from '../../schemas/password-reset.js'
import { RequestOptionsSchema } from '../../schemas/webauthn.js'

const tags = ['auth']

/** The one answer to every reset request that is not refused: it says nothing about the address. */
const REQUESTED = 'If an account has this address, a link to reset its password is on its way; it works once, for 30 minutes'

/** Password reset without a session: ask for a link by mail, then set a new password with it. */
const passwordResetRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { passwordReset, passwordResetLinks, config } = fastify
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: 60_000 } })

  fastify.post('/password-reset', {
    config: perMinute(config.RATE_LIMIT_EMAIL_LINKS),
    schema: {
      tags,
      summary: 'Ask for a password reset link by mail',
      description: 'Answers 202 with the same body, in the same time, whether or not an account has the address: the account is looked up, and the link written to the mail outbox, only after the answer. The mail (in the account\'s language) carries PUBLIC_URL/reset-password#token=...; the link works once, for 30 minutes, and a newer link or any password change voids it. Blocked and deleted accounts get no mail. Limits: RATE_LIMIT_EMAIL_LINKS requests per client address per minute, MAIL_REQUESTS_PER_ADDRESS mails asked for one address per hour (known or not; verification links count too); past either, 429 with Retry-After. PASSWORD_RESETS_PER_ACCOUNT links per account per hour, whatever its address: past it the answer is still this 202 and no link is mailed. Without mail configured (SMTP_URL) every request answers 503 MAIL_UNAVAILABLE.',
      body: PasswordResetRequestSchema,
      response: { 202: MessageOnlySchema, ...errorResponses(400, 413, 415, 429, 'MAIL_UNAVAILABLE') },
    },
  }, async (request, reply) => {
    await passwordResetLinks.request(request.body.email, clientMeta(request))
    reply.code(202)
    return ok(null, REQUESTED)
  })

  fastify.post('/password-reset/confirm', {
    config: perMinute(config.RATE_LIMIT_EMAIL_LINKS),
    schema: {
      tags,
      summary: 'Set a new password with the token of a reset link (and a second factor when the account has one)',
      description: 'The password policy is that of registration (400 VALIDATION_ERROR). An account with a second factor also needs factor: without it 403 SECOND_FACTOR_REQUIRED, whose details list the methods (field body.factor, message totp, recovery_code or webauthn); a wrong one 403 MFA_CODE_INVALID, counted toward the account lockout like a failed second step (429 once locked). For a passkey, get the options from POST /api/auth/password-reset/webauthn-options first. None of these uses the token up. Success ends every session of the account, voids its other reset links, clears its sign-in lockout, records PASSWORD_RESET and mails a notice; it signs nothing in: sign in with the new password. An unknown, expired, used or voided token answers 400 EMAIL_TOKEN_INVALID; a blocked account 403 ACCOUNT_BLOCKED.',
      body: PasswordResetConfirmSchema,
      response: {
        200: MessageOnlySchema,
        ...errorResponses(400, 'EMAIL_TOKEN_INVALID', 'SECOND_FACTOR_REQUIRED', 'MFA_CODE_INVALID', 'ACCOUNT_BLOCKED', 413, 415, 429),
      },
    },
  }, async (request) => {
    const { token, newPassword, factor } = request.body
    await passwordReset.confirm(token, newPassword, factor, clientMeta(request))
    return ok(null, 'Password reset; every session was signed out. Sign in with the new password')
  })

  fastify.post('/password-reset/webauthn-options', {
    config: perMinute(config.RATE_LIMIT_WEBAUTHN_OPTIONS),
    schema: {
      tags,
      summary: 'The passkey options for a reset\'s second factor: the options for navigator.credentials.get',
      description: 'For a reset link whose account answered SECOND_FACTOR_REQUIRED with webauthn among the methods: a challenge for one of that account\'s passkeys (once, 5 minutes). Send the assertion as factor { type: "webauthn", response } to POST /api/auth/password-reset/confirm. The token is not used up. 400 EMAIL_TOKEN_INVALID for a token that is not live, 409 when the account has no passkey.',
      body: PasswordResetTokenBodySchema,
      response: { 200: success(RequestOptionsSchema), ...errorResponses(400, 'EMAIL_TOKEN_INVALID', 'ACCOUNT_BLOCKED', 409, 413, 415, 429) },
    },
  }, async (request) => {
    return ok(await passwordReset.passkeyOptions(request.body.token))
  })
}

export default passwordResetRoutes
