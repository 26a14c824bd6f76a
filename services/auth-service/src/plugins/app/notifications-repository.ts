import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm'
import { offsetOf, type PaginationQuery } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { notifications, type NotificationRow } from '../../db/schema.js'
import type { AuthDb } from './db.js'

export function createNotificationsRepository (db: AuthDb) {
  const ofUser = (userId: string) => eq(notifications.userId, userId)
  const unreadOf = (userId: string) => and(ofUser(userId), isNull(notifications.readAt))

  return {
    async create (tx: AuthDb, values: Pick<NotificationRow, 'userId' | 'type' | 'details'> & { createdAt?: Date }): Promise<NotificationRow> {
      const [row] = await tx.insert(notifications).values(values).returning()
      return row!
    },

    /** One page of the user's notifications, newest first, and how many they have. */
    async list (userId: string, query: PaginationQuery, tx: AuthDb = db): Promise<{ rows: NotificationRow[], total: number }> {
      const [rows, [totals]] = await Promise.all([
        tx.select().from(notifications).where(ofUser(userId))
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(query.limit).offset(offsetOf(query)),
        tx.select({ total: count() }).from(notifications).where(ofUser(userId)),
      ])
      return { rows, total: totals?.total ?? 0 }
    },

    async countUnread (userId: string, tx: AuthDb = db): Promise<number> {
      const [row] = await tx.select({ total: count() }).from(notifications).where(unreadOf(userId))
      return row?.total ?? 0
    },

    /** Marks the user's unread notifications read at `at`: those of `ids` (others' ids match nothing), or all. */
    async markRead (userId: string, ids: string[] | undefined, at: Date, tx: AuthDb = db): Promise<void> {
      await tx.update(notifications).set({ readAt: at })
        .where(and(unreadOf(userId), ids ? inArray(notifications.id, ids) : undefined))
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
