import { and, asc, count, eq, getTableColumns, sql, type Placeholder } from 'drizzle-orm'
import { rowsOf } from '@rekam/db'
import { offsetOf, type PaginationQuery } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { purposeOfRole } from '../../db/access-log-statements.js'
import { deniedAccessCounts, doctors, patientAccessLog, recordAccessLog, type AccessLogRow, type NamedAccessLogRow, type NamedPatientAccessLogRow } from '../../db/schema.js'
import type { Actor } from '../../services/actor.js'
import type { RecordsDb } from './db.js'

export type AccessAction = AccessLogRow['action']

/** A refused access, as its DENIED row names it. */
export interface Denial {
  target: 'RECORD' | 'PATIENT'
  targetId: string
  action: AccessAction
  reason: string
  actor: Actor
  /** The clock's time of the refusal: its minute is the fold key. */
  at: Date
}

/** An entry of `GET /api/audit/refusals`: a DENIED row of either log. */
export interface RefusalView {
  id: string
  target: 'RECORD' | 'PATIENT'
  targetId: string
  actorUserId: string
  actorRole: Actor['role']
  action: AccessAction
  reason: string | null
  count: number
  at: Date
  lastAt: Date | null
  requestId: string | null
}

const MINUTE_MS = 60_000
const asDate = (value: Date | string) => value instanceof Date ? value : new Date(value)

/** The fold's counter of a log's row (`l`): joined on the fold key; absent for ALLOWED rows and single refusals. */
const countsOf = (target: 'RECORD' | 'PATIENT', targetColumn: string) => sql`left join ${deniedAccessCounts} c
  on c.target = ${target} and c.target_id = l.${sql.identifier(targetColumn)} and c.actor_user_id = l.actor_user_id
  and c.action = l.action and c.denied_window = l.denied_window`

/** The DENIED rows of both logs as one relation, with the columns of RefusalView. */
const REFUSALS = sql`(
  select l.id, 'RECORD' as target, l.record_id as target_id, l.actor_user_id, l.actor_role, l.action, l.reason, coalesce(c.count, 1) as count, l.at, c.last_at, l.request_id
    from ${recordAccessLog} l ${countsOf('RECORD', 'record_id')} where l.outcome = 'DENIED'
  union all
  select l.id, 'PATIENT', l.patient_id, l.actor_user_id, l.actor_role, l.action, l.reason, coalesce(c.count, 1), l.at, c.last_at, l.request_id
    from ${patientAccessLog} l ${countsOf('PATIENT', 'patient_id')} where l.outcome = 'DENIED'
) as refusals`

/** The join of a log's rows with their fold counter, in drizzle's builder (count 1 and lastAt null without one). */
function repeatsJoin (target: 'RECORD' | 'PATIENT', log: typeof recordAccessLog | typeof patientAccessLog, targetColumn: typeof recordAccessLog.recordId | typeof patientAccessLog.patientId) {
  return {
    columns: { count: sql<number>`coalesce(${deniedAccessCounts.count}, 1)`.mapWith(Number), lastAt: deniedAccessCounts.lastAt },
    on: and(eq(deniedAccessCounts.target, target), eq(deniedAccessCounts.targetId, targetColumn), eq(deniedAccessCounts.actorUserId, log.actorUserId),
      eq(deniedAccessCounts.action, log.action), eq(deniedAccessCounts.deniedWindow, log.deniedWindow)),
  }
}
const recordRepeats = repeatsJoin('RECORD', recordAccessLog, recordAccessLog.recordId)
const patientRepeats = repeatsJoin('PATIENT', patientAccessLog, patientAccessLog.patientId)

/** The record log's rows with their fold counts (AccessLogRow), to filter and order. */
export const recordLogRows = (db: RecordsDb) =>
  db.select({ ...getTableColumns(recordAccessLog), ...recordRepeats.columns }).from(recordAccessLog).leftJoin(deniedAccessCounts, recordRepeats.on)

/** The profile log's rows with their fold counts (PatientAccessLogRow), to filter and order. */
export const patientLogRows = (db: RecordsDb) =>
  db.select({ ...getTableColumns(patientAccessLog), ...patientRepeats.columns }).from(patientAccessLog).leftJoin(deniedAccessCounts, patientRepeats.on)

/** A page of a record's access log, oldest first, with the actors' names (NamedAccessLogRow; drizzle's query builder). */
export function accessLogPageQuery (db: RecordsDb, recordId: string | Placeholder, limit: number | Placeholder, offset: number | Placeholder) {
  return db.select({ ...getTableColumns(recordAccessLog), ...recordRepeats.columns, actorName: doctors.fullName }).from(recordAccessLog)
    .leftJoin(deniedAccessCounts, recordRepeats.on).leftJoin(doctors, eq(doctors.userId, recordAccessLog.actorUserId))
    .where(eq(recordAccessLog.recordId, recordId))
    .orderBy(asc(recordAccessLog.at), asc(recordAccessLog.id)).limit(limit).offset(offset)
}

/** The columns of an allowed change's row: who, in which role, for which purpose. */
const rowOf = (action: AccessAction, actor: Actor) =>
  ({ action, actorUserId: actor.userId, actorRole: actor.role, requestId: actor.requestId, purpose: purposeOfRole(actor.role) })

export function createAccessLogRepository (db: RecordsDb) {
  return {
    /** One insert for any number of records (a list page is logged in one statement). */
    async record (recordIds: string[], action: AccessAction, actor: Actor, tx: RecordsDb = db): Promise<void> {
      if (recordIds.length === 0) return
      await tx.insert(recordAccessLog).values(recordIds.map((recordId) => ({ recordId, ...rowOf(action, actor) })))
    },

    /** A change of a patient profile (its registration, a claim), in the caller's transaction. */
    async profile (patientId: string, action: AccessAction, actor: Actor, tx: RecordsDb = db): Promise<void> {
      await tx.insert(patientAccessLog).values({ patientId, ...rowOf(action, actor) })
    },

    /**
     * A DENIED row in the target's log, written only when the target exists (a probe of made-up
     * ids leaves no trail on anyone), and folded: a second identical refusal (same target, actor
     * and action) within the same minute writes no row (the unique fold index, `do nothing`: the
     * trail is insert-only) and adds to the fold's counter (denied_access_counts: its count and
     * last_at), one statement for both. The minute (denied_window) is the clock plugin's, so tests
     * decide it; `at` and `last_at` are the database's time, as for every other row of the trail.
     */
    async recordDenied (denial: Denial, tx: RecordsDb = db): Promise<void> {
      const { log, column, exists } = denial.target === 'RECORD'
        ? { log: recordAccessLog, column: 'record_id', exists: sql`select 1 from medical_records where id = ${denial.targetId}` }
        : { log: patientAccessLog, column: 'patient_id', exists: sql`select 1 from patients where id = ${denial.targetId}` }
      const window = new Date(Math.floor(denial.at.getTime() / MINUTE_MS) * MINUTE_MS).toISOString()
      const { actor } = denial
      await tx.execute(sql`with target as (select 1 where exists (${exists})),
        logged as (
          insert into ${log} (${sql.identifier(column)}, action, actor_user_id, actor_role, request_id, purpose, outcome, reason, at, denied_window)
          select ${denial.targetId}, ${denial.action}, ${actor.userId}, ${actor.role}, ${actor.requestId}, ${purposeOfRole(actor.role)}, 'DENIED', ${denial.reason}, now(), ${window}
            from target
          on conflict (${sql.identifier(column)}, actor_user_id, action, denied_window) do nothing
        )
        insert into ${deniedAccessCounts} (target, target_id, actor_user_id, action, denied_window)
        select ${denial.target}, ${denial.targetId}, ${actor.userId}, ${denial.action}, ${window} from target
        on conflict (target, target_id, actor_user_id, action, denied_window)
        do update set count = ${deniedAccessCounts}.count + 1, last_at = now()`)
    },

    /** Refusals of both logs, newest first. */
    async listRefusals (page: PaginationQuery, tx: RecordsDb = db): Promise<{ rows: RefusalView[], total: number }> {
      const [rows, totals] = await Promise.all([
        tx.execute(sql`select * from ${REFUSALS} order by at desc, id desc limit ${page.limit} offset ${offsetOf(page)}`),
        tx.execute(sql`select count(*)::int as total from ${REFUSALS}`),
      ])
      type Row = { id: string, target: 'RECORD' | 'PATIENT', target_id: string, actor_user_id: string, actor_role: Actor['role'], action: AccessAction, reason: string | null, count: number, at: Date | string, last_at: Date | string | null, request_id: string | null }
      return {
        rows: rowsOf<Row>(rows).map((r) => ({
          id: r.id,
          target: r.target,
          targetId: r.target_id,
          actorUserId: r.actor_user_id,
          actorRole: r.actor_role,
          action: r.action,
          reason: r.reason,
          count: Number(r.count),
          at: asDate(r.at),
          lastAt: r.last_at === null ? null : asDate(r.last_at),
          requestId: r.request_id,
        })),
        total: Number(rowsOf<{ total: number }>(totals)[0]?.total ?? 0),
      }
    },

    /** A page of a profile's access log, oldest first, with the total. */
    async listForPatient (patientId: string, page: PaginationQuery, tx: RecordsDb = db): Promise<{ rows: NamedPatientAccessLogRow[], total: number }> {
      const where = eq(patientAccessLog.patientId, patientId)
      const [rows, [totals]] = await Promise.all([
        tx.select({ ...getTableColumns(patientAccessLog), ...patientRepeats.columns, actorName: doctors.fullName }).from(patientAccessLog)
          .leftJoin(deniedAccessCounts, patientRepeats.on).leftJoin(doctors, eq(doctors.userId, patientAccessLog.actorUserId)).where(where).orderBy(asc(patientAccessLog.at), asc(patientAccessLog.id)).limit(page.limit).offset(offsetOf(page)),
        tx.select({ total: count() }).from(patientAccessLog).where(where),
      ])
      return { rows, total: totals?.total ?? 0 }
    },

    async listForRecord (recordId: string, page: PaginationQuery, tx: RecordsDb = db): Promise<{ rows: NamedAccessLogRow[], total: number }> {
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
