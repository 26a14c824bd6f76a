import { asc, count, eq, sql, type Placeholder, type SQL } from 'drizzle-orm'
import type { StatementValue } from '@rekam/db'
import { offsetOf, type PaginationQuery } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { patientAccessLog, recordAccessLog, type AccessLogRow, type AccessPurpose } from '../../db/schema.js'
import type { Actor } from '../../services/actor.js'
import type { RecordsDb } from './db.js'

export type AccessAction = AccessLogRow['action']

/** The actor of an audited statement: given, or placeholders of a statement built once. */
export interface ActorValues {
  userId: StatementValue
  role: StatementValue
  requestId: StatementValue
}

/**
 * The purpose an actor's access has by their role alone: their own data for a patient, an
 * admin's duty, treatment for a doctor (the care check refines it: TREATMENT or EMERGENCY).
 */
export function purposeOfRole (role: Actor['role']): AccessPurpose {
  return role === 'ADMIN' ? 'ADMIN' : role === 'PATIENT' ? 'PATIENT' : 'TREATMENT'
}

/** purposeOfRole in SQL, for a statement whose actor's role is a parameter. */
export function purposeOfRoleSql (role: StatementValue): SQL {
  return sql`(case ${role}::text when 'ADMIN' then 'ADMIN' when 'PATIENT' then 'PATIENT' else 'TREATMENT' end)::access_purpose`
}

/** One READ row in `log` per row of the `source` CTE (which has an `id` column), where `when` holds. */
function readsLogSql (log: typeof recordAccessLog | typeof patientAccessLog, target: string, source: string, actor: ActorValues, when?: SQL): SQL {
  const from = sql.identifier(source)
  const where = when ? sql` where ${when}` : sql``
  return sql`insert into ${log} (${sql.identifier(target)}, action, actor_user_id, actor_role, request_id, purpose)
    select ${from}.id, 'READ', ${actor.userId}, ${actor.role}, ${actor.requestId}, ${purposeOfRoleSql(actor.role)} from ${from}${where}`
}

/**
 * The audit insert of profile reads, for a statement that has just read the profiles in its
 * `source` CTE: one READ row per profile read, so the read and its trail are one statement, one
 * round trip and one implicit transaction.
 */
export function patientReadsLogSql (source: string, actor: ActorValues): SQL {
  return readsLogSql(patientAccessLog, 'patient_id', source, actor)
}

/**
 * The audit insert of record reads, for a statement that has just read the records in its
 * `source` CTE: one READ row per record read (only where `when` holds: a refused read writes
 * nothing), in the same statement as the read.
 */
export function recordReadsLogSql (source: string, actor: ActorValues, when?: SQL): SQL {
  return readsLogSql(recordAccessLog, 'record_id', source, actor, when)
}

/** A page of a record's access log, oldest first (drizzle's query builder). */
export function accessLogPageQuery (db: RecordsDb, recordId: string | Placeholder, limit: number | Placeholder, offset: number | Placeholder) {
  return db.select().from(recordAccessLog).where(eq(recordAccessLog.recordId, recordId))
    .orderBy(asc(recordAccessLog.at), asc(recordAccessLog.id)).limit(limit).offset(offset)
}

export function createAccessLogRepository (db: RecordsDb) {
  return {
    /** One insert for any number of records (a list page is logged in one statement). */
    async record (recordIds: string[], action: AccessAction, actor: Actor, tx: RecordsDb = db): Promise<void> {
      if (recordIds.length === 0) return
      await tx.insert(recordAccessLog).values(recordIds.map((recordId) => ({
        recordId,
        action,
        actorUserId: actor.userId,
        actorRole: actor.role,
        requestId: actor.requestId,
        purpose: purposeOfRole(actor.role),
      })))
    },

    async listForRecord (recordId: string, page: PaginationQuery, tx: RecordsDb = db): Promise<{ rows: AccessLogRow[], total: number }> {
      const where = eq(recordAccessLog.recordId, recordId)
      const [rows, [totals]] = await Promise.all([
        accessLogPageQuery(tx, recordId, page.limit, offsetOf(page)),
        tx.select({ total: count() }).from(recordAccessLog).where(where),
      ])
      return { rows, total: totals?.total ?? 0 }
    },
  }
}

export type AccessLogRepository = ReturnType<typeof createAccessLogRepository>

declare module 'fastify' {
  interface FastifyInstance {
    accessLogRepository: AccessLogRepository
  }
}

export default fp(async function accessLogRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('accessLogRepository', createAccessLogRepository(fastify.db))
}, { name: 'access-log-repository', dependencies: ['db'] })
