import { and, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm'
import { offsetOf, type PaginationQuery } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { securityEvents, type SecurityEventType } from '../../db/schema.js'
import type { ClientMeta } from '../../lib/client-meta.js'
import type { SecurityEventQuery } from '../../schemas/security-event.js'
import type { AuthDb } from './db.js'

export interface NewSecurityEvent {
  type: SecurityEventType
  userId?: string | null
  actorUserId?: string | null
  sessionId?: string | null
  reason?: string | null
}

export function createSecurityEventsRepository (db: AuthDb) {
  async function page (where: SQL | undefined, query: PaginationQuery, tx: AuthDb) {
    const [rows, [totals]] = await Promise.all([
      tx.select().from(securityEvents).where(where)
        .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
        .limit(query.limit).offset(offsetOf(query)),
      tx.select({ total: count() }).from(securityEvents).where(where),
    ])
    return { rows, total: totals?.total ?? 0 }
  }

  return {
    /** Records events with the request's origin; in the caller's transaction when given. */
    async record (events: NewSecurityEvent | NewSecurityEvent[], meta: ClientMeta, tx: AuthDb = db): Promise<void> {
      const list = Array.isArray(events) ? events : [events]
      if (list.length === 0) return
      await tx.insert(securityEvents).values(list.map((event) => ({
        ...event,
        ip: meta.ip,
        userAgent: meta.userAgent,
        requestId: meta.requestId,
      })))
    },

    async list (query: SecurityEventQuery, tx: AuthDb = db) {
      const where = and(
        query.type ? eq(securityEvents.type, query.type) : undefined,
        query.userId ? eq(securityEvents.userId, query.userId) : undefined,
        query.from ? gte(securityEvents.createdAt, new Date(query.from)) : undefined,
        query.to ? lte(securityEvents.createdAt, new Date(query.to)) : undefined,
      )
      return page(where, query, tx)
    },

    async loginHistory (userId: string, query: PaginationQuery, tx: AuthDb = db) {
      return page(and(eq(securityEvents.userId, userId), inArray(securityEvents.type, ['LOGIN_SUCCEEDED', 'LOGIN_FAILED'])), query, tx)
    },
  }
}

export type SecurityEventsRepository = ReturnType<typeof createSecurityEventsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    securityEventsRepository: SecurityEventsRepository
  }
}

export default fp(async function securityEventsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('securityEventsRepository', createSecurityEventsRepository(fastify.db))
}, { name: 'security-events-repository', dependencies: ['db'] })
