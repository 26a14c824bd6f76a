import { errorResponses } from '@rekam/errors'
import { MessageOnlySchema, ok, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { clientMeta } from '../../lib/client-meta.js'
import { ChangePasswordSchema, ProfileUpdateSchema, SetCookieHeaderSchema } from '../../schemas/auth.js'
import { toUser, UserSchema } from '../../schemas/user.js'

const tags = ['account']
const UserDataSchema = success(Type.Object({ user: UserSchema }))
const actorOf = (request: FastifyRequest) => ({ userId: request.user.sub, sessionId: request.user.sid })

/** The signed-in user's own account. Every route here needs a live session. */
const accountRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { accountSettings, refreshCookie, sessionManager } = fastify

  fastify.get('/me', {
    schema: { tags, security, summary: 'The signed-in user', response: { 200: UserDataSchema, ...errorResponses(401, 404) } },
  }, async (request) => {
    // The session guard has just read the user along with the session.
    return ok({ user: toUser(request.sessionUser ?? await accountSettings.currentUser(request.user.sub)) })
  })

  fastify.put('/profile', {
    schema: {
      tags,
      security,
      summary: 'Update full name, language (locale) or email (a new email needs the current password and a recent sign-in)',
      description: 'A wrong currentPassword answers 403 CURRENT_PASSWORD_INCORRECT (not 401: the caller stays signed in) and counts as a failed sign-in of the account: past LOGIN_MAX_FAILURES the check answers 429 (and so does the sign-in) until the window ends.',
      body: ProfileUpdateSchema,
      response: { 200: UserDataSchema, ...errorResponses(400, 401, 'STEP_UP_REQUIRED', 'CURRENT_PASSWORD_INCORRECT', 404, 409, 429) },
    },
  }, async (request, reply) => {
    // A new email is where a password reset would go: changing it needs a recent sign-in (step-up).
    const email = request.body.email
    if (email !== undefined && email.toLowerCase() !== request.sessionUser?.email) await fastify.stepUp(request, reply)
    const user = await accountSettings.updateProfile(actorOf(request), request.body, clientMeta(request))
    return ok({ user: toUser(user) }, 'Profile updated')
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
