import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { accessActionEnum, accessOutcomeEnum, accessPurposeEnum, roleEnum } from './enums.js'

/** The audit columns both access logs share: purpose, outcome and the per-minute fold of refusals. */
const auditColumns = () => ({
  purpose: accessPurposeEnum('purpose').notNull(),
  outcome: accessOutcomeEnum('outcome').notNull().default('ALLOWED'),
  /** Why a DENIED row was refused (`NOT_IN_CARE`, `NOT_OWNER`, `ROLE`); null for ALLOWED. */
  reason: text('reason'),
  /** The minute of a DENIED row (the fold's key); null for ALLOWED rows. */
  deniedWindow: timestamp('denied_window', { withTimezone: true }),
})

/**
 * Who read or changed which record, when: written in the same statement or transaction as the
 * access. An append-only trail with no foreign key to the record: the trail must outlive what it
 * is about (a cascade would erase it with the record), and a foreign key would lock the record
 * row (FOR KEY SHARE) on every audited read, a write on the medical records for each read of one.
 * Rows are only ever written by statements that have just read the record they name.
 */
export const recordAccessLog = pgTable('record_access_log', {
  id: uuid('id').primaryKey().defaultRandom(),
  recordId: uuid('record_id').notNull(),
  actorUserId: uuid('actor_user_id').notNull(),
  actorRole: roleEnum('actor_role').notNull(),
  action: accessActionEnum('action').notNull(),
  requestId: text('request_id'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  ...auditColumns(),
}, (t) => [
  index('record_access_log_record_at_idx').on(t.recordId, t.at),
  // The sealer's scan window (rows after the last seal).
  index('record_access_log_at_idx').on(t.at),
  uniqueIndex('record_access_log_denied_fold_key').on(t.recordId, t.actorUserId, t.action, t.deniedWindow),
])

/**
 * Who read which patient profile (birth date, phone, address), when: the profile's counterpart of
 * `record_access_log`, with the same columns and the same reasons for having no foreign key. A
 * table of its own rather than a target kind on the record log: the record log, its index and
 * its per-record endpoint stay as they are, and each trail keeps a plain uuid column naming its
 * target. Outcomes (DENIED) and EMERGENCY access will be columns of both.
 */
export const patientAccessLog = pgTable('patient_access_log', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: uuid('patient_id').notNull(),
  actorUserId: uuid('actor_user_id').notNull(),
  actorRole: roleEnum('actor_role').notNull(),
  action: accessActionEnum('action').notNull(),
  requestId: text('request_id'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  ...auditColumns(),
}, (t) => [
  index('patient_access_log_patient_at_idx').on(t.patientId, t.at),
  index('patient_access_log_at_idx').on(t.at),
  uniqueIndex('patient_access_log_denied_fold_key').on(t.patientId, t.actorUserId, t.action, t.deniedWindow),
])

/**
 * How many identical refusals each folded DENIED row stands for: the same target, actor and
 * action within one minute (the fold key, as in the logs' unique fold index). Not part of the
 * trail: the DENIED row is written once and never updated (the trail is insert-only); this
 * counter is updated on each repeat and joined where the API shows `count` and `lastAt`.
 */
export const deniedAccessCounts = pgTable('denied_access_counts', {
  target: text('target', { enum: ['RECORD', 'PATIENT'] }).notNull(),
  targetId: uuid('target_id').notNull(),
  actorUserId: uuid('actor_user_id').notNull(),
  action: accessActionEnum('action').notNull(),
  deniedWindow: timestamp('denied_window', { withTimezone: true }).notNull(),
  /** Identical refusals within one minute are one row: how many, and the last one's time. */
  count: integer('count').notNull().default(1),
  lastAt: timestamp('last_at', { withTimezone: true }),
}, (t) => [primaryKey({ name: 'denied_access_counts_pkey', columns: [t.target, t.targetId, t.actorUserId, t.action, t.deniedWindow] })])

/** The fold's counter joined to a DENIED row (1 and null for an ALLOWED row or a single refusal). */
interface DeniedRepeats { count: number, lastAt: Date | null }
export type AccessLogRow = typeof recordAccessLog.$inferSelect & DeniedRepeats
export type PatientAccessLogRow = typeof patientAccessLog.$inferSelect & DeniedRepeats
/**
 * What a log page adds to its rows: the actor's name, as their doctor profile gives it (null for
 * an actor without one: a patient, an admin; records-service keeps no other names of accounts).
 */
interface ActorName { actorName: string | null }
export type NamedAccessLogRow = AccessLogRow & ActorName
export type NamedPatientAccessLogRow = PatientAccessLogRow & ActorName
