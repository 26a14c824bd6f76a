import { errorResponses, notFound } from '@rekam/errors'
import { IdParamsSchema, MessageOnlySchema, ok, pageOf, pageResult, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { INVITE_LINK_TTL_SECONDS } from '../../services/set-password-links.js'
import { NewStaffAccountSchema, StaffInviteResultSchema, toUser, UserListQuerySchema, UserSchema, UserUpdateSchema } from '../../schemas/user.js'

const tags = ['users']

/** User administration: ADMIN only, for the whole prefix (the live session is checked by the scope in app.ts). */
const usersRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { usersRepository } = fastify
  fastify.addHook('preHandler', fastify.authorize('ADMIN'))

  const config = { rateLimit: { max: fastify.config.RATE_LIMIT_ADMIN, timeWindow: 60_000, groupId: 'admin-api' } }

  fastify.get('/', {
    config,
    schema: {
      tags,
      security,
      summary: 'List users, with search and filters',
      description: 'Deleted accounts (erased at their owner\'s request, docs/account-deletion.md) are left out: they hold no personal data and nothing can be done with them.',
      querystring: UserListQuerySchema,
      response: { 200: success(pageOf(UserSchema)), ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const { rows, total } = await usersRepository.list(request.query)
    return ok(pageResult(rows.map(toUser), request.query, total))
  })

  fastify.post('/', {
    config,
    schema: {
      tags,
      security,
      summary: 'Invite a DOCTOR or ADMIN: the account is created and its owner gets a one-time set-password link by mail',
      description: 'The account has no password until its owner opens the mailed link (valid 72 hours, once) and sets one; until then signing in answers 401 INVALID_CREDENTIALS like a wrong password. Nobody else gets the link, the admin included: the answer is the account alone. The mail (template invite, in the account\'s language: `locale`, or the admin\'s) is queued in the same transaction as the account. Without mail (no SMTP_URL) it answers 503 MAIL_UNAVAILABLE and creates nothing.',
      body: NewStaffAccountSchema,
      response: { 201: success(StaffInviteResultSchema), ...errorResponses(400, 401, 403, 409, 415, 429, 'MAIL_UNAVAILABLE') },
    },
  }, async (request, reply) => {
    // Before anything is written: an invitation nobody can receive must not leave an account.
    fastify.mail.assertAvailable()
    const { user } = await fastify.staffAccounts.invite(request.body, { actorUserId: request.user.sub, via: 'api' }, clientMeta(request), INVITE_LINK_TTL_SECONDS)
    request.log.info({ targetUserId: user.id, role: user.role }, 'user invited by admin')
    reply.code(201)
    return ok({ user: toUser(user) }, 'User created; the invitation to set a password was mailed to them')
  })

  fastify.post('/:id/unlock', {
    config,
    schema: {
      tags,
      security,
      summary: 'Clear a user\'s sign-in lockout',
      description: 'The failed sign-in counts of the account (under its username and email) start again; counts per client address are not cleared.',
      params: IdParamsSchema,
      response: { 200: success(Type.Object({ user: UserSchema })), ...errorResponses(400, 401, 403, 404, 429) },
    },
  }, async (request) => {
    const user = await fastify.userAdministration.unlock(request.user.sub, request.params.id, clientMeta(request))
    request.log.info({ targetUserId: user.id }, 'user unlocked by admin')
    return ok({ user: toUser(user) }, 'Sign-in lockout cleared')
  })

  fastify.patch('/:id', {
    config,
    preHandler: fastify.stepUp,
    schema: {
      tags,
      security,
      summary: 'Change a user\'s role or block/unblock them (either ends their sessions)',
      description: 'Needs a recent sign-in with a second factor (step-up, 401 STEP_UP_REQUIRED otherwise). An admin cannot change their own account (403), and no change may leave the clinic without an active (unblocked) ADMIN (409).',
      params: IdParamsSchema,
      body: UserUpdateSchema,
      response: { 200: success(Type.Object({ user: UserSchema })), ...errorResponses(400, 401, 'STEP_UP_REQUIRED', 403, 404, 409) },
    },
  }, async (request) => {
    const { id } = request.params
    const { role, blocked } = request.body
    const user = await fastify.userAdministration.change(request.user.sub, id, { role, blocked }, clientMeta(request))
    request.log.info({ targetUserId: id, role, blocked }, 'user updated by admin')
    return ok({ user: toUser(user) }, 'User updated')
  })

  fastify.post('/:id/mfa-reset', {
    config,
    preHandler: fastify.stepUp,
    schema: {
      tags,
      security,
      summary: 'Remove every second factor and recovery code of a user (a lost phone): they enrol again at their next sign-in',
      description: 'Needs a recent sign-in with a second factor (step-up). The admin never sees a secret. Records an MFA_FACTORS_RESET security event.',
      params: IdParamsSchema,
      response: { 200: success(Type.Object({ removed: Type.Integer({ description: 'How many factors were removed' }) })), ...errorResponses(400, 401, 'STEP_UP_REQUIRED', 403, 404) },
    },
  }, async (request) => {
    const { id } = request.params
    const target = await usersRepository.findById(id)
    if (!target || target.deletedAt) throw notFound('User not found')
    const removed = await fastify.mfa.enrollment.reset(id, request.user.sub, clientMeta(request))
    request.log.info({ targetUserId: id, removed }, 'second factors reset by admin')
    return ok({ removed }, 'Second factors reset')
  })

  fastify.post('/:id/password-reset', {
    config,
    preHandler: fastify.stepUp,
    schema: {
      tags,
      security,
      summary: 'Mail a user a link to reset their password',
      description: 'Needs a recent sign-in with a second factor (step-up). The link goes only to the user\'s address (the admin never sees it, ASVS 6.4.6): it works once, for 30 minutes, voids the user\'s older reset links, and asks for the user\'s second factor when they have one. The current password keeps working until the user sets a new one. Records PASSWORD_RESET_REQUESTED with the admin as actor. 409 for a blocked user (unblock first); 503 MAIL_UNAVAILABLE without mail configured.',
      params: IdParamsSchema,
      response: { 202: MessageOnlySchema, ...errorResponses(400, 401, 'STEP_UP_REQUIRED', 403, 404, 409, 429, 'MAIL_UNAVAILABLE') },
    },
  }, async (request, reply) => {
    const { id } = request.params
    await fastify.passwordResetLinks.sendByAdmin(request.user.sub, id, clientMeta(request))
    request.log.info({ targetUserId: id }, 'password reset link sent by admin')
    reply.code(202)
    return ok(null, 'Password reset link sent to the user\'s email address')
  })
}

export default usersRoutes
