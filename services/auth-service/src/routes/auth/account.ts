import { errorResponses, notFound } from '@rekam/errors'
import { MessageOnlySchema, ok, security, success } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { clientMeta } from '../../lib/client-meta.js'
import { ChangePasswordSchema, ProfileUpdateSchema, SetCookieHeaderSchema } from '../../schemas/auth.js'
import { AccountSchema, toAccount } from '../../schemas/account.js'

const tags = ['account']
const AccountDataSchema = success(AccountSchema)
const actorOf = (request: FastifyRequest) => ({ userId: request.user.sub, sessionId: request.user.sid })

/** The signed-in user's own account. Every route here needs a live session. */
const accountRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { accountSettings, emailChange, refreshCookie, sessionManager } = fastify

  fastify.get('/me', {
    schema: { tags, security, summary: 'The signed-in user, and the email change waiting for its link (pendingEmail)', response: { 200: AccountDataSchema, ...errorResponses(401, 404) } },
  }, async (request) => {
    // The session guard has just read the user along with the session.
    const user = request.sessionUser ?? await accountSettings.currentUser(request.user.sub)
    return ok(toAccount(user, await emailChange.pending(user.id)))
  })

  fastify.put('/profile', {
    schema: {
      tags,
      security,
      summary: 'Update the full name or language (locale), or start an email change (confirmed by a link mailed to the new address)',
      description: 'A full name or a language (locale: the language of the mail the user gets) changes at once (200). A new email needs currentPassword and a recent sign-in (step-up, 401 STEP_UP_REQUIRED), and changes nothing yet: the new address is mailed a single-use link (/confirm-email#token=..., 24 hours; a newer request voids it) and the current address a notice; the answer is 202 with the address as pendingEmail (beside the user), and POST /api/auth/email/confirm applies it. Without mail configured a new email answers 503 MAIL_UNAVAILABLE; an address another account has, 409 CONFLICT. A wrong currentPassword answers 403 CURRENT_PASSWORD_INCORRECT (not 401: the caller stays signed in) and counts as a failed sign-in of the account: past LOGIN_MAX_FAILURES the check answers 429 (and so does the sign-in) until the window ends.',
      body: ProfileUpdateSchema,
      response: {
        200: AccountDataSchema,
        202: AccountDataSchema,
        ...errorResponses(400, 401, 'STEP_UP_REQUIRED', 'CURRENT_PASSWORD_INCORRECT', 404, 409, 429, 'MAIL_UNAVAILABLE'),
      },
    },
  }, async (request, reply) => {
    const { fullName, locale, email, currentPassword } = request.body
    const current = request.sessionUser ?? await accountSettings.currentUser(request.user.sub)
    const emailChanges = email !== undefined && email.toLowerCase() !== current.email
    // A new email is where a password reset would go: asking for it needs a recent sign-in (step-up).
    if (emailChanges) {
      await fastify.stepUp(request, reply)
      await emailChange.request(actorOf(request), current, email, currentPassword, clientMeta(request))
    }
    const user = fullName !== undefined || locale !== undefined ? await accountSettings.updateProfile(current.id, { fullName, locale }) : current
    const account = toAccount(user, await emailChange.pending(user.id))
    if (!emailChanges) return ok(account, 'Profile updated')
    reply.code(202)
    return ok(account, 'Open the link sent to the new address to confirm it')
  })

  fastify.delete('/email/pending', {
    schema: {
      tags,
      security,
      summary: 'Cancel the pending email change (its link stops working)',
      response: { 200: AccountDataSchema, ...errorResponses(401, 404) },
    },
  }, async (request) => {
    if (!await emailChange.cancel(request.user.sub)) throw notFound('No email change is pending')
    const user = request.sessionUser ?? await accountSettings.currentUser(request.user.sub)
    return ok(toAccount(user, null), 'Email change cancelled')
  })

  fastify.post('/change-password', {
    config: { rateLimit: { max: fastify.config.RATE_LIMIT_CHANGE_PASSWORD, timeWindow: 60_000 } },
    schema: {
      tags,
      security,
      summary: 'Change the password; every other session is ended',
      description: 'A wrong currentPassword answers 403 CURRENT_PASSWORD_INCORRECT and counts as a failed sign-in of the account, as on PUT /api/auth/profile.',
      body: ChangePasswordSchema,
      response: { 200: MessageOnlySchema, ...errorResponses(400, 401, 'CURRENT_PASSWORD_INCORRECT', 404, 429) },
    },
  }, async (request) => {
    await accountSettings.changePassword(actorOf(request), request.body, clientMeta(request))
    return ok(null, 'Password changed; other sessions were signed out')
  })

  fastify.post('/logout-all', {
    preHandler: fastify.stepUp,
    schema: {
      tags,
      security,
      summary: 'End every session of the signed-in user',
      description: 'Needs a recent sign-in (step-up, 401 STEP_UP_REQUIRED otherwise). A request carrying the refresh cookie has it cleared: its session has ended too.',
      response: { 200: { ...MessageOnlySchema, ...SetCookieHeaderSchema }, ...errorResponses(401, 'STEP_UP_REQUIRED') },
    },
  }, async (request, reply) => {
    await sessionManager.endSessions(request.user.sub, 'logout_all', clientMeta(request))
    if (refreshCookie.read(request)) refreshCookie.clear(reply)
    return ok(null, 'All sessions ended')
  })
}

export default accountRoutes
