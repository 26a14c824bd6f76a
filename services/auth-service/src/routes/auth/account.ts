import { conflict, errorResponses, isUniqueViolation, notFound, validationError } from '@rekam/errors'
import { MessageOnlySchema, ok, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { ChangePasswordSchema, ProfileUpdateSchema } from '../../schemas/auth.js'
import { toUser, UserSchema } from '../../schemas/user.js'

const tags = ['account']
const UserDataSchema = success(Type.Object({ user: UserSchema }))

/** The signed-in user's own account. Every route here needs a live session. */
const accountRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { passwords, passwordCheck, usersRepository, sessionManager, securityEventsRepository } = fastify

  async function currentUser (id: string) {
    const user = await usersRepository.findById(id)
    if (!user) throw notFound('User not found')
    return user
  }

  fastify.get('/me', {
    schema: { tags, security, summary: 'The signed-in user', response: { 200: UserDataSchema, ...errorResponses(401, 404) } },
  }, async (request) => {
    // The session guard has just read the user along with the session.
    return ok({ user: toUser(request.sessionUser ?? await currentUser(request.user.sub)) })
  })

  fastify.put('/profile', {
    schema: {
      tags,
      security,
      summary: 'Update full name or email (a new email needs the current password)',
      description: 'A wrong currentPassword counts as a failed sign-in of the account: past LOGIN_MAX_FAILURES the check answers 429 (and so does the sign-in) until the window ends.',
      body: ProfileUpdateSchema,
      response: { 200: UserDataSchema, ...errorResponses(400, 401, 404, 409, 429) },
    },
  }, async (request) => {
    const { fullName, email, currentPassword } = request.body
    const user = await currentUser(request.user.sub)
    const meta = clientMeta(request)
    const emailChanges = email !== undefined && email.toLowerCase() !== user.email
    if (emailChanges) {
      if (currentPassword === undefined) {
        throw validationError('body.currentPassword is required to change the email', [
          { field: 'body.currentPassword', message: 'is required to change the email' },
        ])
      }
      await passwordCheck.confirmCurrent(user, currentPassword, meta, { purpose: 'email_change', sessionId: request.user.sid })
    }
    try {
      const updated = await fastify.db.transaction(async (tx) => {
        const row = await usersRepository.update(user.id, {
          ...(fullName !== undefined ? { fullName } : {}),
          ...(emailChanges ? { email } : {}),
        }, tx)
        // Who and when only: the addresses themselves stay in the users table.
        if (emailChanges) await securityEventsRepository.record({ type: 'EMAIL_CHANGED', userId: user.id, sessionId: request.user.sid }, meta, tx)
        return row
      })
      return ok({ user: toUser(updated ?? user) }, 'Profile updated')
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('That email is already registered')
      throw err
    }
  })

  fastify.post('/change-password', {
    config: { rateLimit: { max: fastify.config.RATE_LIMIT_CHANGE_PASSWORD, timeWindow: 60_000 } },
    schema: {
      tags,
      security,
      summary: 'Change the password; every other session is ended',
      description: 'A wrong currentPassword counts as a failed sign-in of the account, as on PUT /api/auth/profile.',
      body: ChangePasswordSchema,
      response: { 200: MessageOnlySchema, ...errorResponses(400, 401, 404, 429) },
    },
  }, async (request) => {
    const { currentPassword, newPassword } = request.body
    const user = await currentUser(request.user.sub)
    const meta = clientMeta(request)
    passwords.assertAcceptable(newPassword, 'body.newPassword', [user.username, user.email, user.fullName ?? ''])
    await passwordCheck.confirmCurrent(user, currentPassword, meta, { purpose: 'password_change', sessionId: request.user.sid })
    const passwordHash = await passwords.hash(newPassword)
    await fastify.db.transaction(async (tx) => {
      await usersRepository.update(user.id, { passwordHash }, tx)
      await securityEventsRepository.record({ type: 'PASSWORD_CHANGED', userId: user.id, sessionId: request.user.sid }, meta, tx)
      await sessionManager.endSessions(user.id, 'password_changed', meta, { except: request.user.sid, tx })
    })
    return ok(null, 'Password changed; other sessions were signed out')
  })

  fastify.post('/logout-all', {
    schema: { tags, security, summary: 'End every session of the signed-in user', response: { 200: MessageOnlySchema, ...errorResponses(401) } },
  }, async (request) => {
    await sessionManager.endSessions(request.user.sub, 'logout_all', clientMeta(request))
    return ok(null, 'All sessions ended')
  })
}

export default accountRoutes
