import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { notifications, type NotificationRow } from '../../db/schema.js'
import type { AuthDb } from './db.js'

export function createNotificationsRepository (_db: AuthDb) {
  return {
    async create (tx: AuthDb, values: Pick<NotificationRow, 'userId' | 'type' | 'details'> & { createdAt?: Date }): Promise<NotificationRow> {
      const [row] = await tx.insert(notifications).values(values).returning()
      return row!
    },
  }
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    notificationsRepository: NotificationsRepository
  }
}

export default fp(async function notificationsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('notificationsRepository', createNotificationsRepository(fastify.db))
}, { name: 'notifications-repository', dependencies: ['db'] })
