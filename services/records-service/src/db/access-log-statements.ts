import { sql, type SQL } from 'drizzle-orm'
import type { StatementValue } from '@rekam/db'
import type { Actor } from '../services/actor.js'
import { patientAccessLog, recordAccessLog, type AccessPurpose } from './schema.js'

/**
 * The SQL fragments through which the read-and-log statements write their audit rows: the only
 * place the access logs' READ inserts are spelled (the access-log repository writes the others).
 */

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

/** How a read-and-log statement writes its READ rows: which rows (`when`) and their purpose. */
export interface ReadsLogOptions {
  /** Only rows of the source where this holds (a refused read writes nothing). */
  when?: SQL
  /** The purpose of each row (an access_purpose expression); the actor's role's by default. */
  purpose?: SQL
}

/** One READ row in `log` per row of the `source` CTE (which has an `id` column). */
function readsLogSql (log: typeof recordAccessLog | typeof patientAccessLog, target: string, source: string, actor: ActorValues, options: ReadsLogOptions = {}): SQL {
  const from = sql.identifier(source)
  const where = options.when ? sql` where ${options.when}` : sql``
  return sql`insert into ${log} (${sql.identifier(target)}, action, actor_user_id, actor_role, request_id, purpose)
    select ${from}.id, 'READ', ${actor.userId}, ${actor.role}, ${actor.requestId}, ${options.purpose ?? purposeOfRoleSql(actor.role)} from ${from}${where}`
}

/**
 * The audit insert of profile reads, for a statement that has just read the profiles in its
 * `source` CTE: one READ row per profile read, so the read and its trail are one statement, one
 * round trip and one implicit transaction.
 */
export function patientReadsLogSql (source: string, actor: ActorValues, options?: ReadsLogOptions): SQL {
  return readsLogSql(patientAccessLog, 'patient_id', source, actor, options)
}

/**
 * The audit insert of record reads, for a statement that has just read the records in its
 * `source` CTE: one READ row per record read (only where `options.when` holds: a refused read
 * writes nothing), in the same statement as the read.
 */
export function recordReadsLogSql (source: string, actor: ActorValues, options?: ReadsLogOptions): SQL {
  return readsLogSql(recordAccessLog, 'record_id', source, actor, options)
}
