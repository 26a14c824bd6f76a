import { sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { StatementValue } from '@rekam/db'

/**
 * The care rule, in one place: which doctor may read which patient at a given time, and under
 * which purpose an access is logged. Everything here is an SQL fragment that the single
 * read-and-log statements embed (no extra round trip); "now" is a parameter, from the clock
 * plugin, so tests move time instead of waiting. The subqueries use their own aliases (cr, ea,
 * care_doctor), so they never capture a table of the statement around them.
 */

/** "Now": a statement's value or placeholder, or a Date (sent as text: drivers map a Date only for a column's own comparisons). */
type Now = StatementValue | Date
const textOf = (now: Now): StatementValue => now instanceof Date ? now.toISOString() : now

/** The row `alias` of care_relationships (or emergency_access) is in force at `now`. */
const inForce = (alias: string, at: Now, openEnded: boolean) => {
  const a = sql.raw(alias)
  const now = textOf(at)
  return openEnded
    ? sql`${a}.starts_at <= ${now}::timestamptz and (${a}.ends_at is null or ${a}.ends_at > ${now}::timestamptz)`
    : sql`${a}.starts_at <= ${now}::timestamptz and ${a}.ends_at > ${now}::timestamptz`
}

/**
 * The doctor whose auth user id is `doctorUserId` has an active care relationship with the
 * patient `patientId` at `now` (starts_at <= now and (ends_at is null or ends_at > now)).
 */
export function activeCareSql (patientId: SQLWrapper | StatementValue, doctorUserId: SQLWrapper | StatementValue, now: Now): SQL {
  // The doctor's id first (an uncorrelated subquery: one lookup per statement), then one probe of
  // the (patient_id, doctor_id) index, however many care rows the patient has.
  return sql`exists (select 1 from care_relationships cr
    where cr.patient_id = ${patientId}
      and cr.doctor_id = (select care_doctor.id from doctors care_doctor where care_doctor.user_id = ${doctorUserId}::uuid)
      and ${inForce('cr', now, true)})`
}

/** The doctor (by auth user id) holds an emergency (break-the-glass) grant for the patient at `now`. */
export function activeEmergencySql (patientId: SQLWrapper | StatementValue, doctorUserId: SQLWrapper | StatementValue, now: Now): SQL {
  return sql`exists (select 1 from emergency_access ea
    where ea.patient_id = ${patientId} and ea.user_id = ${doctorUserId}::uuid and ${inForce('ea', now, false)})`
}

export interface CareActor {
  userId: StatementValue
  role: StatementValue
}

/**
 * The purpose of the actor's access to a patient's data, or null when it is refused: ADMIN for an
 * admin; PATIENT for the patient on their own data; for a doctor TREATMENT inside an active care
 * relationship, else EMERGENCY under an active emergency grant. A CASE evaluates only the branch
 * it takes: a patient's read of their own record never runs the care subqueries.
 */
export function accessPurposeSql (patientId: SQLWrapper, patientUserId: SQLWrapper, actor: CareActor, now: StatementValue): SQL {
  return sql`(case ${actor.role}::text
    when 'ADMIN' then 'ADMIN'
    when 'PATIENT' then case when ${patientUserId} = ${actor.userId}::uuid then 'PATIENT' end
    when 'DOCTOR' then case when ${activeCareSql(patientId, actor.userId, now)} then 'TREATMENT'
      when ${activeEmergencySql(patientId, actor.userId, now)} then 'EMERGENCY' end
  end)::access_purpose`
}

/**
 * A doctor's list of ONE patient's records (`GET /api/records?patientId=`) also shows them under an
 * active emergency grant: the grant is for that patient's data, and the list is how a chart is read.
 * Its READ rows take their purpose from `doctorPurposeSql`.
 */
export function inCareOrEmergencySql (patientId: SQLWrapper, actor: CareActor, now: StatementValue): SQL {
  return sql`(${activeCareSql(patientId, actor.userId, now)} or ${activeEmergencySql(patientId, actor.userId, now)})`
}

/** A doctor's purpose for a patient's data: TREATMENT in care, else EMERGENCY (the rows were selected by inCareOrEmergencySql). */
export function doctorPurposeSql (patientId: SQLWrapper, actor: CareActor, now: StatementValue): SQL {
  return sql`(case when ${activeCareSql(patientId, actor.userId, now)} then 'TREATMENT' else 'EMERGENCY' end)::access_purpose`
}

/** A list shows a doctor only the patients in their care (TREATMENT); other roles are not narrowed here. */
export function inCareForListSql (patientId: SQLWrapper, actor: CareActor, now: StatementValue): SQL {
  return sql`(${actor.role}::text <> 'DOCTOR' or ${activeCareSql(patientId, actor.userId, now)})`
}
