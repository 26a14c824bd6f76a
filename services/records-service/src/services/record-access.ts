import type { AccessTokenClaims } from '@rekam/auth-verify'
import { forbidden, notFound, validationError } from '@rekam/errors'
import { pageResult } from '@rekam/schemas'
import type { FastifyInstance } from 'fastify'
import type { RecordWithParties } from '../db/record-statements.js'
import type { RecordsDb } from '../plugins/app/db.js'
import { toRecord, type MedicalRecord, type RecordCreate, type RecordListQuery, type RecordUpdate } from '../schemas/record.js'
import { actorOf } from './actor.js'
import { assertVisitDate } from './date-rules.js'

const isStaff = (user: AccessTokenClaims) => user.role !== 'PATIENT'
const NOT_YOURS = 'This medical record belongs to another patient'

/**
 * The role and ownership rules for medical records, and their audit trail. A patient reaches
 * only records of their own profile (decided in SQL, by mayReadSql in db/record-statements.ts,
 * so the audited read and the check are one statement); a doctor changes only records they
 * wrote (decided here, in findForChange); every read and write is logged in the same
 * transaction as the access itself.
 */
export function createRecordAccess (fastify: FastifyInstance) {
  const { db, clock, recordsRepository: records, patientsRepository: patients, doctorsRepository: doctors, accessLogRepository: accessLog } = fastify

  /** The record, 404 when it does not exist, 403 when this doctor did not write it. */
  async function findForChange (id: string, user: AccessTokenClaims, tx: RecordsDb): Promise<RecordWithParties> {
    const row = await records.findById(id, tx)
    if (!row) throw notFound('Medical record not found')
    if (user.role === 'DOCTOR') {
      const doctor = await doctors.findByUserId(user.sub, tx)
      if (!doctor || doctor.id !== row.record.doctorId) throw forbidden('Only the doctor who wrote this record (or an admin) may change it')
    }
    return row
  }

  async function reread (id: string, user: AccessTokenClaims, tx: RecordsDb): Promise<MedicalRecord> {
    const row = await records.findById(id, tx)
    if (!row) throw notFound('Medical record not found')
    return toRecord(row, isStaff(user))
  }

  return {
    async get (id: string, user: AccessTokenClaims, requestId: string): Promise<MedicalRecord> {
      // One statement reads, decides who may read it (mayReadSql) and logs; unlogged means refused.
      const found = await records.readAndLog(id, actorOf(user, requestId))
      if (!found) throw notFound('Medical record not found')
      if (!found.logged) throw forbidden(NOT_YOURS)
      return toRecord(found.row, isStaff(user))
    },

    async list (query: RecordListQuery, user: AccessTokenClaims, requestId: string) {
      if (query.from && query.to && query.from > query.to) {
        throw validationError('querystring.from must not be after querystring.to', [{ field: 'querystring.from', message: 'must not be after to' }])
      }
      const { page, limit, ...filter } = query
      const actor = actorOf(user, requestId)
      if (user.role === 'PATIENT') {
        if (filter.patientId) {
          const patient = await patients.findByUserId(user.sub)
          if (!patient) return pageResult([], query, 0)
          if (filter.patientId !== patient.id) throw forbidden('Patients may list only their own records')
        }
        // Only the records of their own profile (none yet without a profile: an empty list).
        const { rows, total } = await records.listAndLog({ ...filter, ownerUserId: user.sub }, { page, limit }, actor)
        return pageResult(rows.map((r) => toRecord(r, false)), query, total)
      }
      const { rows, total } = await records.listAndLog(filter, { page, limit }, actor)
      return pageResult(rows.map((r) => toRecord(r, true)), query, total)
    },

    async create (body: RecordCreate, user: AccessTokenClaims, requestId: string): Promise<MedicalRecord> {
      assertVisitDate(body.visitDate, clock.now())
      return db.transaction(async (tx) => {
        const doctorId = await authorOf(body, user, tx)
        if (!await patients.findById(body.patientId, tx)) throw notFound('Patient not found')
        const created = await records.create({ ...body, doctorId }, tx)
        await accessLog.record([created.id], 'CREATE', actorOf(user, requestId), tx)
        return reread(created.id, user, tx)
      })
    },

    async update (id: string, body: RecordUpdate, user: AccessTokenClaims, requestId: string): Promise<MedicalRecord> {
      assertVisitDate(body.visitDate, clock.now())
      return db.transaction(async (tx) => {
        await findForChange(id, user, tx)
        await records.update(id, body, tx)
        await accessLog.record([id], 'UPDATE', actorOf(user, requestId), tx)
        return reread(id, user, tx)
      })
    },

    async remove (id: string, user: AccessTokenClaims, requestId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await findForChange(id, user, tx)
        await records.softDelete(id, tx)
        await accessLog.record([id], 'DELETE', actorOf(user, requestId), tx)
      })
    },

    async accessLog (id: string, user: AccessTokenClaims, page: { page: number, limit: number }) {
      const readable = await records.mayRead(id, { userId: user.sub, role: user.role })
      if (readable === undefined) throw notFound('Medical record not found')
      if (!readable) throw forbidden(NOT_YOURS)
      const { rows, total } = await accessLog.listForRecord(id, page)
      return { rows, total }
    },
  }

  /** A DOCTOR authors as themselves; an ADMIN names the doctor. */
  async function authorOf (body: RecordCreate, user: AccessTokenClaims, tx: RecordsDb): Promise<string> {
    if (user.role === 'DOCTOR') {
      const doctor = await doctors.findByUserId(user.sub, tx)
      if (!doctor) throw forbidden('Create your doctor profile first (PUT /api/doctors/me)')
      if (body.doctorId && body.doctorId !== doctor.id) throw forbidden('Doctors write records only in their own name')
      return doctor.id
    }
    if (!body.doctorId) {
      throw validationError('body.doctorId is required when an admin creates a record', [{ field: 'body.doctorId', message: 'is required for admins' }])
    }
    if (!await doctors.findById(body.doctorId, tx)) throw notFound('Doctor not found')
    return body.doctorId
  }
}

export type RecordAccess = ReturnType<typeof createRecordAccess>
