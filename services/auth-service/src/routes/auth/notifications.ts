import { errorResponses } from '@rekam/errors'
import { ok, PaginationQuerySchema, pageResult, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NotificationPageSchema, NotificationReadBodySchema, toNotification } from '../../schemas/notification.js'

const tags = ['account']

/** The signed-in user's notifications (also mailed when they happened); inside the authenticated scope. */
const notificationsRoutes: FastifyPluginAsyncTypebox<{ now?: (() => number) | undefined }> = async (fastify, opts) => {
  const { notificationsRepository } = fastify
  const now = opts.now ?? Date.now

  fastify.get('/notifications', {
    schema: {
      tags,
      security,
      summary: 'My notifications, newest first, with how many are unread',
      description: 'Sign-ins from a new device, password and second-factor changes, email changes, a block, deletion requests. Details carry no secret: client address, device, factor name, masked addresses, a date.',
      querystring: PaginationQuerySchema,
      response: { 200: success(NotificationPageSchema), ...errorResponses(400, 401) },
    },
  }, async (request) => {
    const userId = request.user.sub
    const [{ rows, total }, unread] = await Promise.all([
      notificationsRepository.list(userId, request.query),
      notificationsRepository.countUnread(userId),
    ])
    return ok({ ...pageResult(rows.map(toNotification), request.query, total), unread })
  })

  fastify.post('/notifications/read', {
    schema: {
      tags,
      security,
      summary: 'Mark notifications as read: the ones named, or all of them',
      description: 'Ids that are not the user\'s, or already read, are ignored. Answers how many stay unread.',
      body: NotificationReadBodySchema,
      response: { 200: success(Type.Object({ unread: Type.Integer({ minimum: 0 }) })), ...errorResponses(400, 401) },
    },
  }, async (request) => {
    const userId = request.user.sub
    await notificationsRepository.markRead(userId, request.body.ids, new Date(now()))
    return ok({ unread: await notificationsRepository.countUnread(userId) })
  })
}

export default notificationsRoutes
