import { errorResponses } from '@rekam/errors'
import { IdParamsSchema, ok, pageOf, pageResult, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { toUser, UserListQuerySchema, UserSchema, UserUpdateSchema } from '../../schemas/user.js'

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
      querystring: UserListQuerySchema,
      response: { 200: success(pageOf(UserSchema)), ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const { rows, total } = await usersRepository.list(request.query)
    return ok(pageResult(rows.map(toUser), request.query, total))
  })

  fastify.patch('/:id', {
    config,
    schema: {
      tags,
      security,
      summary: 'Change a user\'s role or block/unblock them (either ends their sessions)',
      description: 'An admin cannot change their own account (403), and no change may leave the clinic without an active (unblocked) ADMIN (409).',
      params: IdParamsSchema,
      body: UserUpdateSchema,
      response: { 200: success(Type.Object({ user: UserSchema })), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const { id } = request.params
    const { role, blocked } = request.body
    const user = await fastify.userAdministration.change(request.user.sub, id, { role, blocked }, clientMeta(request))
    request.log.info({ targetUserId: id, role, blocked }, 'user updated by admin')
    return ok({ user: toUser(user) }, 'User updated')
  })
}

export default usersRoutes
