import { and, eq, gte, isNull, lte, sql, type Placeholder, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { StatementValue } from '@rekam/db'
import { recordReadsLogSql, type ActorValues } from './access-log-statements.js'
import { accessPurposeSql } from './care.js'
import { doctors, medicalRecords, patients, type MedicalRecordRow } from './schema.js'
import type { RecordsDb } from '../plugins/app/db.js'
import type { RecordListQuery } from '../schemas/record.js'

/** A record with the summaries of its doctor and patient, as one joined row. */
export interface RecordWithParties {
  record: MedicalRecordRow
  doctor: { id: string, fullName: string, specialization: string }
  patient: { id: string, fullName: string, dateOfBirth: string, userId: string | null }
}

export interface RecordFilter extends Omit<RecordListQuery, 'page' | 'limit'> {}

export const live = () => isNull(medicalRecords.deletedAt)

/** The actor of a read-and-log statement and the clock's "now" the care rule is checked at. */
export type ReaderValues = ActorValues & { now: StatementValue }

/**
 * Who may read a record's access log: an admin, or the patient whose profile (`patientUserId`,
 * the profile's auth user id) it belongs to (the route admits no other role). Reads of the record
 * itself follow the care rule (db/care.ts, accessPurposeSql).
 */
export function mayReadSql (patientUserId: SQLWrapper, actor: Pick<ActorValues, 'userId' | 'role'>): SQL {
  return sql`(${actor.role} <> 'PATIENT' or ${patientUserId} = ${actor.userId})`
}

/** The live record with its doctor and patient, one joined row (drizzle's query builder). */
export function recordByIdQuery (db: RecordsDb, id: string | Placeholder) {
  return db.select({
    record: medicalRecords,
    doctor: { id: doctors.id, fullName: doctors.fullName, specialization: doctors.specialization },
    patient: { id: patients.id, fullName: patients.fullName, dateOfBirth: patients.dateOfBirth, userId: patients.userId },
  })
    .from(medicalRecords)
    .innerJoin(doctors, eq(doctors.id, medicalRecords.doctorId))
    .innerJoin(patients, eq(patients.id, medicalRecords.patientId))
    .where(and(eq(medicalRecords.id, id), live()))
    .limit(1)
}

/** The columns of a record with its parties, flat, for the single-statement reads below. */
const RECORD_COLUMNS = sql`${medicalRecords.id} as id, ${medicalRecords.patientId} as patient_id, ${medicalRecords.doctorId} as doctor_id,
  ${medicalRecords.visitDate}::text as visit_date, ${medicalRecords.complaint} as complaint, ${medicalRecords.diagnosis} as diagnosis,
  ${medicalRecords.treatment} as treatment, ${medicalRecords.prescription} as prescription, ${medicalRecords.notes} as notes,
  ${medicalRecords.createdAt} as created_at, ${medicalRecords.updatedAt} as updated_at, ${medicalRecords.deletedAt} as deleted_at,
  ${medicalRecords.version} as version, ${medicalRecords.status} as status, ${medicalRecords.signedAt} as signed_at,
  ${medicalRecords.signedByUserId} as signed_by_user_id, ${medicalRecords.signature} as signature, ${medicalRecords.errorReason} as error_reason,
  ${doctors.fullName} as doctor_full_name, ${doctors.specialization} as doctor_specialization,
  ${patients.fullName} as patient_full_name, ${patients.dateOfBirth}::text as patient_date_of_birth, ${patients.userId} as patient_user_id`

const FROM_RECORDS = sql`from ${medicalRecords}
  join ${doctors} on ${doctors.id} = ${medicalRecords.doctorId}
  join ${patients} on ${patients.id} = ${medicalRecords.patientId}`

export function filterConditions (filter: RecordFilter & { ownerUserId?: string }): SQL {
  const conditions: SQL[] = [live()]
  if (filter.ownerUserId) conditions.push(eq(patients.userId, filter.ownerUserId))
  if (filter.patientId) conditions.push(eq(medicalRecords.patientId, filter.patientId))
  if (filter.doctorId) conditions.push(eq(medicalRecords.doctorId, filter.doctorId))
  if (filter.from) conditions.push(gte(medicalRecords.visitDate, filter.from))
  if (filter.to) conditions.push(lte(medicalRecords.visitDate, filter.to))
  return and(...conditions)!
}

/** One row of the read-and-log statements, as both drivers return it. */
export interface ReadRow {
  id: string
  patient_id: string
  doctor_id: string
  visit_date: string
  complaint: string
  diagnosis: string
  treatment: string
  prescription: string | null
  notes: string | null
  created_at: Date | string
  updated_at: Date | string
  deleted_at: Date | string | null
  version: number
  status: MedicalRecordRow['status']
  signed_at: Date | string | null
  signed_by_user_id: string | null
  signature: string | null
  error_reason: string | null
  doctor_full_name: string
  doctor_specialization: string
  patient_full_name: string
  patient_date_of_birth: string
  patient_user_id: string | null
}

const asDate = (value: Date | string) => value instanceof Date ? value : new Date(value)
const asDateOrNull = (value: Date | string | null | undefined) => value === null || value === undefined ? null : asDate(value)

export function fromReadRow (row: ReadRow): RecordWithParties {
  return {
    record: {
      id: row.id,
      patientId: row.patient_id,
      doctorId: row.doctor_id,
      visitDate: row.visit_date,
      complaint: row.complaint,
      diagnosis: row.diagnosis,
      treatment: row.treatment,
      prescription: row.prescription,
      notes: row.notes,
      createdAt: asDate(row.created_at),
      updatedAt: asDate(row.updated_at),
      deletedAt: asDateOrNull(row.deleted_at),
      version: Number(row.version),
      status: row.status,
      signedAt: asDateOrNull(row.signed_at),
      signedByUserId: row.signed_by_user_id,
      signature: row.signature,
      errorReason: row.error_reason,
    },
    doctor: { id: row.doctor_id, fullName: row.doctor_full_name, specialization: row.doctor_specialization },
    patient: { id: row.patient_id, fullName: row.patient_full_name, dateOfBirth: row.patient_date_of_birth, userId: row.patient_user_id },
  }
}

/**
 * A record read and its audit row in one statement (so one round trip and one implicit
 * transaction): the record with its doctor and its patient's owner, the purpose the actor's
 * access has now (the care rule, accessPurposeSql: null when refused), and, only when it has
 * one, a READ row with that purpose. `purpose` null means the read was refused and nothing was
 * written. A soft-deleted record is found for its patient and admins (it is theirs to see, with
 * its trail), never for a doctor.
 */
export function readAndLogSql (v: { id: StatementValue } & ReaderValues): SQL {
  return sql`
    with found as (
      select ${RECORD_COLUMNS}, ${accessPurposeSql(medicalRecords.patientId, patients.userId, v, v.now)} as purpose ${FROM_RECORDS}
      where ${medicalRecords.id} = ${v.id} and (${live()} or ${v.role}::text <> 'DOCTOR')
    ), logged as (
      ${recordReadsLogSql('found', v, { when: sql`found.purpose is not null`, purpose: sql`found.purpose` })}
    )
    select found.* from found`
}

/** A page of records (with the total) and a READ row in the access log for each one shown. */
export function listAndLogSql (where: SQL, v: { limit: StatementValue, offset: StatementValue } & ReaderValues, purpose?: SQL): SQL {
  return sql`
    with page as (
      select ${RECORD_COLUMNS} ${FROM_RECORDS}
      where ${where}
      order by ${medicalRecords.visitDate} desc, ${medicalRecords.createdAt} desc, ${medicalRecords.id} desc
      limit ${v.limit} offset ${v.offset}
    ), logged as (${recordReadsLogSql('page', v, purpose ? { purpose } : {})})
    select (select count(*)::int ${FROM_RECORDS} where ${where}) as total, page.*
    from (select 1) as one left join page on true
    order by page.visit_date desc, page.created_at desc, page.id desc`
}

/** A patient's own records: the list statement of the common case, built once. */
export function ownListAndLogSql (v: { ownerUserId: Exclude<StatementValue, number | null>, limit: StatementValue, offset: StatementValue } & ReaderValues): SQL {
  return listAndLogSql(and(live(), eq(patients.userId, v.ownerUserId))!, v)
}
