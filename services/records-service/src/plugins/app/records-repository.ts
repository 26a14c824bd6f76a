import { and, count, desc, eq, gte, isNull, lte, type SQL } from 'drizzle-orm'
import { offsetOf } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { doctors, medicalRecords, patients, type MedicalRecordRow } from '../../db/schema.js'
import type { MedicalRecord, RecordCreate, RecordListQuery, RecordUpdate } from '../../schemas/record.js'
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

export function createRecordsRepository (db: RecordsDb) {
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

    async list (filter: RecordFilter, page: { page: number, limit: number }, tx: RecordsDb = db): Promise<{ rows: RecordWithParties[], total: number }> {
      const conditions: SQL[] = [live()]
      if (filter.patientId) conditions.push(eq(medicalRecords.patientId, filter.patientId))
      if (filter.doctorId) conditions.push(eq(medicalRecords.doctorId, filter.doctorId))
      if (filter.from) conditions.push(gte(medicalRecords.visitDate, filter.from))
      if (filter.to) conditions.push(lte(medicalRecords.visitDate, filter.to))
      const where = and(...conditions)
      const [rows, [totals]] = await Promise.all([
        selectWithParties(tx).where(where)
          .orderBy(desc(medicalRecords.visitDate), desc(medicalRecords.createdAt), desc(medicalRecords.id))
          .limit(page.limit).offset(offsetOf(page)),
        tx.select({ total: count() }).from(medicalRecords).where(where),
      ])
      return { rows, total: totals?.total ?? 0 }
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
