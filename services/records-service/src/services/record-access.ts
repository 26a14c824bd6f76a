import type { AccessTokenClaims } from '@rekam/auth-verify'
import { notFound, validationError } from '@rekam/errors'
import { pageResult } from '@rekam/schemas'
import type { FastifyInstance } from 'fastify'
import type { RecordWithParties } from '../db/record-statements.js'
import type { RecordsDb } from '../plugins/app/db.js'
import { toAmendmentRequest, type AmendmentRequest } from '../schemas/amendment-request.js'
import { toRecordVersion, type RecordVersion } from '../schemas/record-version.js'
import { toRecord, type MedicalRecord, type RecordCreate, type RecordListQuery } from '../schemas/record.js'
import { actorOf } from './actor.js'
import { assertVisitDate } from './date-rules.js'
import { refused } from './refusal.js'

const isStaff = (user: AccessTokenClaims) => user.role !== 'PATIENT'
const NOT_YOURS = 'This medical record belongs to another patient'
const NOT_IN_CARE = 'This patient is not in your care: ask to be added to their care team, or use emergency access'

/**
 * The role, ownership and care rules for medical records, and their audit trail. Who may read a
 * record is decided in SQL by the care rule (db/care.ts), inside the statement that reads it and
 * writes its READ row with the purpose; a doctor writes records only for patients in their care
 * (decided here); changes are record-changes.ts. Every read and write is logged in the same
 * transaction as the access itself; refusals are logged by the refusal-audit plugin.
 */
export function createRecordAccess (fastify: FastifyInstance) {
  const { db, clock, recordsRepository: records, recordVersionsRepository: versions, patientsRepository: patients, doctorsRepository: doctors, accessLogRepository: accessLog, careRepository: care, amendmentRequestsRepository: amendmentRequests } = fastify

  async function reread (id: string, user: AccessTokenClaims, tx: RecordsDb): Promise<MedicalRecord> {
    const row = await records.findById(id, tx)
    if (!row) throw notFound('Medical record not found')
    return toRecord(row, isStaff(user))
  }

  /**
   * The record if the user may read it now: one statement reads, decides the purpose of this
   * access (the care rule) and logs it; no purpose means refused. In `tx` when more is read with it.
   */
  async function readLogged (id: string, user: AccessTokenClaims, requestId: string, tx?: RecordsDb): Promise<RecordWithParties> {
    const found = await records.readAndLog(id, actorOf(user, requestId), clock.now(), tx)
    if (!found) throw notFound('Medical record not found')
    if (found.purpose === null) throw user.role === 'PATIENT' ? refused('NOT_OWNER', NOT_YOURS) : refused('NOT_IN_CARE', NOT_IN_CARE)
    return found.row
  }

  return {
    async get (id: string, user: AccessTokenClaims, requestId: string): Promise<MedicalRecord> {
      return toRecord(await readLogged(id, user, requestId), isStaff(user))
    },

    /** Every version, oldest first, and the amendment requests: read as the record is, and logged as its READ. */
    async history (id: string, user: AccessTokenClaims, requestId: string): Promise<{ versions: RecordVersion[], amendmentRequests: AmendmentRequest[] }> {
      return db.transaction(async (tx) => {
        await readLogged(id, user, requestId, tx)
        const rows = await versions.list(id, tx)
        const requests = await amendmentRequests.listForRecord(id, tx)
        return { versions: rows.map(toRecordVersion), amendmentRequests: requests.map(toAmendmentRequest) }
      })
    },

    /** One version (404 when the record has none by that number; then nothing is logged). */
    async version (id: string, version: number, user: AccessTokenClaims, requestId: string): Promise<RecordVersion> {
      return db.transaction(async (tx) => {
        await readLogged(id, user, requestId, tx)
        const row = await versions.find(id, version, tx)
        if (!row) throw notFound('Record version not found')
        return toRecordVersion(row)
      })
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
          if (filter.patientId !== patient.id) throw refused('NOT_OWNER', 'Patients may list only their own records')
        }
        // Only the records of their own profile (none yet without a profile: an empty list).
        const { rows, total } = await records.listAndLog({ ...filter, ownerUserId: user.sub }, { page, limit }, actor, clock.now())
        return pageResult(rows.map((r) => toRecord(r, false)), query, total)
      }
      // A doctor's list holds only the patients in their care (the statement narrows it).
      const { rows, total } = await records.listAndLog(filter, { page, limit }, actor, clock.now())
      return pageResult(rows.map((r) => toRecord(r, true)), query, total)
    },

    /**
     * A doctor writes only for a patient in their care (TREATMENT; emergency access reads, never
     * writes); an admin writes in any doctor's name. The author gets an AUTHORED care relationship
     * unless they have an open one: same transaction.
     */
    async create (body: RecordCreate, user: AccessTokenClaims, requestId: string): Promise<MedicalRecord> {
      const now = clock.now()
      assertVisitDate(body.visitDate, now)
      return db.transaction(async (tx) => {
        const doctorId = await authorOf(body, user, tx)
        if (!await patients.findById(body.patientId, tx)) throw notFound('Patient not found')
        if (user.role === 'DOCTOR' && !await care.isInCare(body.patientId, user.sub, now, tx)) throw refused('NOT_IN_CARE', NOT_IN_CARE)
        const created = await records.create({ ...body, doctorId }, tx)
        // Version 1 is dated as the record's creation.
        await versions.append(created, { kind: 'CREATED', actor: actorOf(user, requestId), at: created.createdAt }, tx)
        await care.ensureAuthored(body.patientId, doctorId, { userId: user.sub, role: user.role }, now, tx)
        await accessLog.record([created.id], 'CREATE', actorOf(user, requestId), tx)
        return reread(created.id, user, tx)
      })
    },

    async accessLog (id: string, user: AccessTokenClaims, page: { page: number, limit: number }) {
      // A soft-deleted record's trail stays readable by its patient and admins.
      const readable = await records.mayReadLog(id, { userId: user.sub, role: user.role })
      if (readable === undefined) throw notFound('Medical record not found')
      if (!readable) throw refused('NOT_OWNER', NOT_YOURS)
      const { rows, total } = await accessLog.listForRecord(id, page)
      return { rows, total }
    },
  }

  /** A DOCTOR authors as themselves; an ADMIN names the doctor. */
  async function authorOf (body: RecordCreate, user: AccessTokenClaims, tx: RecordsDb): Promise<string> {
    if (user.role === 'DOCTOR') {
      const doctor = await doctors.findByUserId(user.sub, tx)
      if (!doctor) throw refused('NO_DOCTOR_PROFILE', 'Create your doctor profile first (PUT /api/doctors/me)')
      if (body.doctorId && body.doctorId !== doctor.id) throw refused('ROLE', 'Doctors write records only in their own name')
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
