import { and, count, desc, eq, getTableColumns, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import { offsetOf, type PaginationQuery } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { securityEventClients, securityEvents, type SecurityEventType } from '../../db/schema.js'
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
      tx.select({ ...getTableColumns(securityEvents), ip: securityEventClients.ip, userAgent: securityEventClients.userAgent })
        .from(securityEvents).leftJoin(securityEventClients, eq(securityEventClients.eventId, securityEvents.id)).where(where)
        .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
        .limit(query.limit).offset(offsetOf(query)),
      tx.select({ total: count() }).from(securityEvents).where(where),
    ])
    return { rows, total: totals?.total ?? 0 }
  }

  return {
    /**
     * Records events with the request's origin; in the caller's transaction when given. One
     * statement: the events (the sealed trail) and, when known, their client's address and user
     * agent beside them (security_event_clients, erasable).
     */
    async record (events: NewSecurityEvent | NewSecurityEvent[], meta: ClientMeta, tx: AuthDb = db): Promise<void> {
      const list = Array.isArray(events) ? events : [events]
      if (list.length === 0) return
      const values = sql.join(list.map((event) => sql`(${event.type}::security_event_type, ${event.userId ?? null}::uuid,
        ${event.actorUserId ?? null}::uuid, ${event.sessionId ?? null}::uuid, ${event.reason ?? null}, ${meta.requestId})`), sql`, `)
      const clients = meta.ip === null && meta.userAgent === null
        ? sql`select 1`
        : sql`insert into ${securityEventClients} (event_id, ip, user_agent) select id, ${meta.ip}, ${meta.userAgent} from events`
      await tx.execute(sql`with events as (
          insert into ${securityEvents} (type, user_id, actor_user_id, session_id, reason, request_id) values ${values} returning id
        ) ${clients}`)
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
