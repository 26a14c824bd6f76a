import type { AccessTokenClaims } from '@rekam/auth-verify'
import { conflict, notFound } from '@rekam/errors'
import type { PaginationQuery } from '@rekam/schemas'
import type { FastifyInstance } from 'fastify'
import type { AmendmentRequestRow } from '../db/schema.js'
import type { RecordsDb } from '../plugins/app/db.js'
import { toAmendmentRequest, type AmendmentRequest } from '../schemas/amendment-request.js'
import type { MedicalRecord } from '../schemas/record.js'
import type { RecordContentChanges } from '../schemas/signing.js'
import { actorOf } from './actor.js'
import { refused } from './refusal.js'
import type { ChangeRequest, RecordSigning } from './record-signing.js'

const NOT_YOURS = 'This medical record belongs to another patient'
const NOT_AUTHOR = 'Only the doctor who wrote this record (or an admin) may decide on its amendment requests'

/**
 * A patient's requests to amend their records (HIPAA 164.526): the patient asks, the record's
 * author or an admin accepts (the amendment, or the update of a draft, follows in the same
 * transaction) or declines with a reason. The requests are a permanent table: who asked what and
 * when, who decided how and why, and which version resulted; that table is their trail (asking
 * neither reads nor changes the record, so it writes no access-log row; an accepted request's
 * change writes its AMEND or UPDATE row, and reading a record's requests a READ row).
 */
export function createAmendmentRequests (fastify: FastifyInstance, signing: RecordSigning) {
  const { db, clock, amendmentRequestsRepository: requests, recordsRepository: records, recordChanges, doctorsRepository: doctors, accessLogRepository: accessLog } = fastify

  /** The live record, 404 otherwise; whether the user is its patient, its author or an admin. */
  async function partyOf (recordId: string, user: AccessTokenClaims, tx: RecordsDb) {
    const found = await records.findById(recordId, tx)
    if (!found) throw notFound('Medical record not found')
    if (user.role === 'ADMIN') return { found, party: 'ADMIN' as const }
    if (user.role === 'PATIENT') return { found, party: found.patient.userId === user.sub ? 'PATIENT' as const : null }
    const doctor = await doctors.findByUserId(user.sub, tx)
    return { found, party: doctor?.id === found.record.doctorId ? 'AUTHOR' as const : null }
  }

  /** A pending request of the record, locked; 404 unknown, 409 already decided. */
  async function pending (recordId: string, requestId: string, tx: RecordsDb): Promise<AmendmentRequestRow> {
    const row = await requests.lock(recordId, requestId, tx)
    if (!row) throw notFound('Amendment request not found')
    if (row.status !== 'PENDING') throw conflict(`This amendment request was already ${row.status.toLowerCase()}`)
    return row
  }

  return {
    async create (recordId: string, text: string, user: AccessTokenClaims): Promise<AmendmentRequest> {
      return db.transaction(async (tx) => {
        const { found, party } = await partyOf(recordId, user, tx)
        if (party !== 'PATIENT') throw refused('NOT_OWNER', NOT_YOURS)
        return toAmendmentRequest(await requests.create({ recordId, patientId: found.record.patientId, requestedByUserId: user.sub, text, createdAt: clock.now() }, tx))
      })
    },

    /** A record's requests for its patient, its author or an admin; the read is logged. */
    async listForRecord (recordId: string, user: AccessTokenClaims, requestId: string): Promise<AmendmentRequest[]> {
      return db.transaction(async (tx) => {
        const { party } = await partyOf(recordId, user, tx)
        if (!party) throw user.role === 'PATIENT' ? refused('NOT_OWNER', NOT_YOURS) : refused('NOT_AUTHOR', 'Only the record\'s patient, its author or an admin see its amendment requests')
        await accessLog.record([recordId], 'READ', actorOf(user, requestId), tx)
        return (await requests.listForRecord(recordId, tx)).map(toAmendmentRequest)
      })
    },

    /** A doctor's queue (requests on the records they wrote); an admin's is every request. */
    async queue (filter: { status?: AmendmentRequestRow['status'] | undefined }, page: PaginationQuery, user: AccessTokenClaims) {
      let doctorId: string | undefined
      if (user.role === 'DOCTOR') {
        const doctor = await doctors.findByUserId(user.sub)
        if (!doctor) return { rows: [], total: 0 }
        doctorId = doctor.id
      }
      const { rows, total } = await requests.listQueue({ ...filter, ...(doctorId ? { doctorId } : {}) }, page)
      return { rows: rows.map(toAmendmentRequest), total }
    },

    async decline (recordId: string, requestId: string, reason: string, user: AccessTokenClaims): Promise<AmendmentRequest> {
      return db.transaction(async (tx) => {
        const { party } = await partyOf(recordId, user, tx)
        if (party !== 'AUTHOR' && party !== 'ADMIN') throw refused('NOT_AUTHOR', NOT_AUTHOR)
        await pending(recordId, requestId, tx)
        const decided = await requests.decide(requestId, { status: 'DECLINED', decidedByUserId: user.sub, decidedAt: clock.now(), decisionReason: reason }, tx)
        return toAmendmentRequest(decided)
      })
    },

    /** Accepted: the amendment (a final record) or the update (a draft) follows, linked both ways. */
    async accept (recordId: string, requestId: string, body: { changes: RecordContentChanges, reason?: string | undefined }, change: ChangeRequest): Promise<{ request: AmendmentRequest, record: MedicalRecord }> {
      return db.transaction(async (tx) => {
        const found = await recordChanges.findForChange(recordId, change.user, tx)
        const request = await pending(recordId, requestId, tx)
        const record = await signing.revise(found, { changes: body.changes, reason: body.reason ?? request.text, amendmentRequestId: requestId }, change, tx)
        const decided = await requests.decide(requestId, {
          status: 'ACCEPTED', decidedByUserId: change.user.sub, decidedAt: clock.now(), decisionReason: body.reason ?? null, resultingVersion: record.version,
        }, tx)
        return { request: toAmendmentRequest(decided), record }
      })
    },
  }
}

export type AmendmentRequests = ReturnType<typeof createAmendmentRequests>
