import { errorResponses, forbidden, notFound } from '@rekam/errors'
import { IdParamsSchema, pageOf, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { toUser } from '../../plugins/app/users-repository.js'
import { UserListQuerySchema, UserSchema, UserUpdateSchema } from '../../schemas/user.js'
import { noStore } from '@rekam/server-kit'

const tags = ['users']
const security = [{ bearerAuth: [] }]

/** User administration: ADMIN only, for the whole prefix. */
const usersRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { usersRepository, sessionManager, securityEvents } = fastify
  // Tokens and medical data are never kept by caches, even on errors.
  fastify.addHook('onRequest', noStore)
  fastify.addHook('onRequest', fastify.authenticateSession)
  fastify.addHook('preHandler', fastify.authorize('ADMIN'))

  const config = { rateLimit: { max: fastify.config.RATE_LIMIT_ADMIN, timeWindow: 60_000, groupId: 'admin-api' } }

  fastify.get('/', {
    config,
    schema: {
      tags,
      security,
      summary: 'List users, with search and filters',
      querystring: UserListQuerySchema,
      response: { 200: success(pageOf(UserSchema)), ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const { rows, total } = await usersRepository.list(request.query)
    return {
      success: true as const,
      data: { items: rows.map(toUser), page: request.query.page, limit: request.query.limit, total },
    }
  })

  fastify.patch('/:id', {
    config,
    schema: {
      tags,
      security,
      summary: 'Change a user\'s role or block/unblock them (either ends their sessions)',
      params: IdParamsSchema,
      body: UserUpdateSchema,
      response: { 200: success(Type.Object({ user: UserSchema })), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const { id } = request.params
    const { role, blocked } = request.body
    // An admin cannot lock themselves out; another admin has to do it.
    if (id === request.user.sub) throw forbidden('Administrators cannot change their own role or block themselves')
    const meta = clientMeta(request)
    const actor = { actorUserId: request.user.sub, userId: id }
    const user = await fastify.db.transaction(async (tx) => {
      const before = await usersRepository.findById(id, tx)
      if (!before) return undefined
      const updated = await usersRepository.update(id, {
        ...(role !== undefined ? { role } : {}),
        ...(blocked !== undefined ? { blocked } : {}),
      }, tx)
      const roleChanged = role !== undefined && role !== before.role
      if (roleChanged) await securityEvents.record({ ...actor, type: 'ROLE_CHANGED', reason: `${before.role} -> ${role}` }, meta, tx)
      if (blocked !== undefined && blocked !== before.blocked) {
        await securityEvents.record({ ...actor, type: blocked ? 'USER_BLOCKED' : 'USER_UNBLOCKED' }, meta, tx)
      }
      // A block or a role change ends the user's sessions: no token keeps powers it should lose.
      if (blocked === true) {
        await fastify.revocations.user(id, tx)
        await sessionManager.endSessions(id, 'user_blocked', meta, { tx })
      } else if (roleChanged) await sessionManager.endSessions(id, 'role_changed', meta, { tx })
      return updated
    })
    if (!user) throw notFound('User not found')
    request.log.info({ targetUserId: id, role, blocked }, 'user updated by admin')
    return { success: true as const, data: { user: toUser(user) }, message: 'User updated' }
  })
}

export default usersRoutes
