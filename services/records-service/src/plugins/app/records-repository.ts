import { and, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm'
import { defineStatement, placeholders, rowsOf, type StatementValue } from '@rekam/db'
import { offsetOf } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { doctors, medicalRecords, patients, type MedicalRecordRow } from '../../db/schema.js'
import type { MedicalRecord, RecordCreate, RecordListQuery, RecordUpdate } from '../../schemas/record.js'
import type { Actor } from './access-log-repository.js'
import type { RecordsDb } from './db.js'

/** A record with the summaries of its doctor and patient, as one joined row. */
export interface RecordWithParties {
  record: MedicalRecordRow
  doctor: { id: string, fullName: string, specialization: string }
  patient: { id: string, fullName: string, dateOfBirth: string, userId: string }
}

export function toRecord (row: RecordWithParties, withPatient: boolean): MedicalRecord {
  const { record, doctor, patient } = row
  return {
    id: record.id,
    patientId: record.patientId,
    doctorId: record.doctorId,
    visitDate: record.visitDate,
    complaint: record.complaint,
    diagnosis: record.diagnosis,
    treatment: record.treatment,
    prescription: record.prescription,
    notes: record.notes,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    doctor,
    ...(withPatient ? { patient: { id: patient.id, fullName: patient.fullName, dateOfBirth: patient.dateOfBirth } } : {}),
  }
}

export interface RecordFilter extends Omit<RecordListQuery, 'page' | 'limit'> {}

const live = () => isNull(medicalRecords.deletedAt)

/** The columns of a record with its parties, flat, for the single-statement reads below. */
const RECORD_COLUMNS = sql`${medicalRecords.id} as id, ${medicalRecords.patientId} as patient_id, ${medicalRecords.doctorId} as doctor_id,
  ${medicalRecords.visitDate}::text as visit_date, ${medicalRecords.complaint} as complaint, ${medicalRecords.diagnosis} as diagnosis,
  ${medicalRecords.treatment} as treatment, ${medicalRecords.prescription} as prescription, ${medicalRecords.notes} as notes,
  ${medicalRecords.createdAt} as created_at, ${medicalRecords.updatedAt} as updated_at,
  ${doctors.fullName} as doctor_full_name, ${doctors.specialization} as doctor_specialization,
  ${patients.fullName} as patient_full_name, ${patients.dateOfBirth}::text as patient_date_of_birth, ${patients.userId} as patient_user_id`

const FROM_RECORDS = sql`from ${medicalRecords}
  join ${doctors} on ${doctors.id} = ${medicalRecords.doctorId}
  join ${patients} on ${patients.id} = ${medicalRecords.patientId}`

function filterConditions (filter: RecordFilter & { ownerUserId?: string }): SQL {
  const conditions: SQL[] = [live()]
  if (filter.ownerUserId) conditions.push(eq(patients.userId, filter.ownerUserId))
  if (filter.patientId) conditions.push(eq(medicalRecords.patientId, filter.patientId))
  if (filter.doctorId) conditions.push(eq(medicalRecords.doctorId, filter.doctorId))
  if (filter.from) conditions.push(gte(medicalRecords.visitDate, filter.from))
  if (filter.to) conditions.push(lte(medicalRecords.visitDate, filter.to))
  return and(...conditions)!
}

/** One row of the read-and-log statement, as both drivers return it. */
interface ReadRow {
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
  doctor_full_name: string
  doctor_specialization: string
  patient_full_name: string
  patient_date_of_birth: string
  patient_user_id: string
}

const asDate = (value: Date | string) => value instanceof Date ? value : new Date(value)

function fromReadRow (row: ReadRow): RecordWithParties {
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
      deletedAt: null,
    },
    doctor: { id: row.doctor_id, fullName: row.doctor_full_name, specialization: row.doctor_specialization },
    patient: { id: row.patient_id, fullName: row.patient_full_name, dateOfBirth: row.patient_date_of_birth, userId: row.patient_user_id },
  }
}

/**
 * A record read and its audit row in one statement (so one round trip and one implicit
 * transaction): the live record with its doctor and its patient's owner, and, only when the
 * actor may read it (staff, or the patient it belongs to), a READ row in the access log.
 * `logged` false means the read was refused and nothing was written.
 */
function readAndLogSql (v: { id: StatementValue, userId: StatementValue, role: StatementValue, requestId: StatementValue }): SQL {
  return sql`
    with found as (
      select ${RECORD_COLUMNS} ${FROM_RECORDS}
      where ${medicalRecords.id} = ${v.id} and ${live()}
    ), logged as (
      insert into record_access_log (record_id, action, actor_user_id, actor_role, request_id)
      select found.id, 'READ', ${v.userId}, ${v.role}, ${v.requestId} from found
      where ${v.role} <> 'PATIENT' or found.patient_user_id = ${v.userId}
      returning record_id
    )
    select found.*, exists (select 1 from logged) as logged from found`
}

/** A page of records (with the total) and a READ row in the access log for each one shown. */
function listAndLogSql (where: SQL, v: { limit: StatementValue, offset: StatementValue, userId: StatementValue, role: StatementValue, requestId: StatementValue }): SQL {
  return sql`
    with page as (
      select ${RECORD_COLUMNS} ${FROM_RECORDS}
      where ${where}
      order by ${medicalRecords.visitDate} desc, ${medicalRecords.createdAt} desc, ${medicalRecords.id} desc
      limit ${v.limit} offset ${v.offset}
    ), logged as (
      insert into record_access_log (record_id, action, actor_user_id, actor_role, request_id)
      select page.id, 'READ', ${v.userId}, ${v.role}, ${v.requestId} from page
    )
    select (select count(*)::int ${FROM_RECORDS} where ${where}) as total, page.*
    from (select 1) as one left join page on true
    order by page.visit_date desc, page.created_at desc, page.id desc`
}

export function createRecordsRepository (db: RecordsDb) {
  // The hot statements, turned into SQL text once (see defineStatement).
  const readAndLogStatement = defineStatement<{ id: string } & Actor>(db, readAndLogSql(placeholders('id', 'userId', 'role', 'requestId')))
  const own = placeholders('ownerUserId', 'limit', 'offset', 'userId', 'role', 'requestId')
  const ownListAndLogStatement = defineStatement<{ ownerUserId: string, limit: number, offset: number } & Actor>(db,
    listAndLogSql(and(live(), eq(patients.userId, own.ownerUserId))!, own))

  function selectWithParties (tx: RecordsDb) {
    return tx.select({
      record: medicalRecords,
      doctor: { id: doctors.id, fullName: doctors.fullName, specialization: doctors.specialization },
      patient: { id: patients.id, fullName: patients.fullName, dateOfBirth: patients.dateOfBirth, userId: patients.userId },
    })
      .from(medicalRecords)
      .innerJoin(doctors, eq(doctors.id, medicalRecords.doctorId))
      .innerJoin(patients, eq(patients.id, medicalRecords.patientId))
  }

  return {
    /** One round trip: the live record, its doctor, and its patient's owner for the ownership check. */
    async findById (id: string, tx: RecordsDb = db): Promise<RecordWithParties | undefined> {
      const [row] = await selectWithParties(tx).where(and(eq(medicalRecords.id, id), live())).limit(1)
      return row
    },

    /**
     * A record read and its audit row in one statement (so one round trip and one implicit
     * transaction): the live record with its doctor and its patient's owner, and, only when the
     * actor may read it (staff, or the patient it belongs to), a READ row in the access log.
     * `logged` false means the read was refused and nothing was written.
     */
    async readAndLog (id: string, actor: Actor): Promise<{ row: RecordWithParties, logged: boolean } | undefined> {
      const [row] = rowsOf<ReadRow & { logged: boolean }>(await readAndLogStatement({ id, ...actor }))
      return row && { row: fromReadRow(row), logged: row.logged }
    },

    /**
     * A page of live records, newest visit first, with the total, and a READ row in the access log
     * for each record on the page: one statement. `ownerUserId` limits the page to the records of
     * that user's patient profile (none when they have no profile).
     */
    async listAndLog (filter: RecordFilter & { ownerUserId?: string }, page: { page: number, limit: number }, actor: Actor): Promise<{ rows: RecordWithParties[], total: number }> {
      const values = { limit: page.limit, offset: offsetOf(page), ...actor }
      const { ownerUserId, ...others } = filter
      // A patient's own list (the common case) has a statement built at start; staff filters vary.
      const result = ownerUserId !== undefined && Object.values(others).every((value) => value === undefined)
        ? await ownListAndLogStatement({ ...values, ownerUserId })
        : await db.execute(listAndLogSql(filterConditions(filter), values))
      const rows = rowsOf<ReadRow & { total: number }>(result)
      return {
        rows: rows.filter((row) => row.id !== null).map(fromReadRow),
        total: Number(rows[0]?.total ?? 0),
      }
    },

    async create (values: Omit<RecordCreate, 'doctorId'> & { doctorId: string }, tx: RecordsDb = db): Promise<MedicalRecordRow> {
      const [row] = await tx.insert(medicalRecords).values({
        ...values,
        prescription: values.prescription ?? null,
        notes: values.notes ?? null,
      }).returning()
      return row!
    },

    async update (id: string, values: RecordUpdate, tx: RecordsDb = db): Promise<void> {
      await tx.update(medicalRecords).set({ ...values, updatedAt: new Date() }).where(and(eq(medicalRecords.id, id), live()))
    },

    async softDelete (id: string, tx: RecordsDb = db): Promise<void> {
      await tx.update(medicalRecords).set({ deletedAt: new Date() }).where(and(eq(medicalRecords.id, id), live()))
    },
  }
}

export type RecordsRepository = ReturnType<typeof createRecordsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    recordsRepository: RecordsRepository
  }
}

export default fp(async function recordsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('recordsRepository', createRecordsRepository(fastify.db))
}, { name: 'records-repository', dependencies: ['db'] })
