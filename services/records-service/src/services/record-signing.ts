import type { AccessTokenClaims } from '@rekam/auth-verify'
import { canonicalRecordPayload } from '@rekam/client/record-signature'
import { notFound, recordFinal, validationError } from '@rekam/errors'
import type { FastifyInstance } from 'fastify'
import type { MedicalRecordRow, RecordContent } from '../db/schema.js'
import type { RecordsDb } from '../plugins/app/db.js'
import { contentOf } from '../plugins/app/record-versions-repository.js'
import { toRecord, type MedicalRecord, type RecordUpdate } from '../schemas/record.js'
import { actorOf } from './actor.js'
import { assertVisitDate } from './date-rules.js'
import { assertIfMatch } from './if-match.js'
import { refused } from './refusal.js'

/** How a change of a record is asked for. */
export interface ChangeRequest {
  user: AccessTokenClaims
  requestId: string
  ifMatch?: string | undefined
}

/** An amendment (final record) or an update (draft) a patient's request leads to. */
export interface Revision {
  changes: RecordUpdate
  reason: string
  amendmentRequestId?: string | null
}

const NOT_AUTHOR = 'Only the doctor who wrote this record may sign it'

/**
 * Signing and amending: a record becomes final with a detached JWS over its canonical payload
 * (@rekam/client signedRecordPayload) under records-service's key, and a final record changes
 * only by a signed amendment. Each is one transaction: the record row locked, its next version
 * written, the version appended, the access-log row (SIGN, AMEND or UPDATE) beside them.
 */
export function createRecordSigning (fastify: FastifyInstance) {
  const { db, clock, signedRecordsRepository: records, recordVersionsRepository: versions, recordsRepository, doctorsRepository: doctors, accessLogRepository: accessLog, recordSigningKeys: keys } = fastify

  /** The record locked for a change: 404 when absent or entered in error, 403 for a doctor who did not write it, 412 on a stale If-Match. */
  async function lockForChange (id: string, change: ChangeRequest, tx: RecordsDb, notAuthor: string): Promise<MedicalRecordRow> {
    const row = await records.lock(id, tx)
    if (!row || row.status === 'entered-in-error' || row.deletedAt) throw notFound('Medical record not found')
    if (change.user.role === 'DOCTOR') {
      const doctor = await doctors.findByUserId(change.user.sub, tx)
      if (!doctor || doctor.id !== row.doctorId) throw refused('NOT_AUTHOR', notAuthor)
    }
    assertIfMatch(change.ifMatch, row.version)
    return row
  }

  /** The signature of the record at its next version, signed now by `signedBy`. */
  async function signed (row: MedicalRecordRow, content: RecordContent, signedBy: string, at: Date, amendsVersion: number | null) {
    const next = { ...content, version: row.version + 1, status: 'final' as const, signedAt: at, signedByUserId: signedBy }
    const signature = await keys.sign(canonicalRecordPayload({
      ...content, id: row.id, patientId: row.patientId, doctorId: row.doctorId, version: next.version, signedAt: at.toISOString(), signedBy, amendsVersion,
    }))
    return { ...next, signature }
  }

  async function answer (id: string, user: AccessTokenClaims, tx: RecordsDb): Promise<MedicalRecord> {
    const found = await recordsRepository.findById(id, tx)
    if (!found) throw notFound('Medical record not found')
    return toRecord(found, user.role !== 'PATIENT')
  }

  /**
   * The next version of a locked record with `revision` applied: signed by the actor as an
   * amendment of the current version when the record is final, an unsigned update of a draft.
   */
  async function revise (row: MedicalRecordRow, revision: Revision, change: ChangeRequest, tx: RecordsDb): Promise<MedicalRecordRow> {
    const at = clock.now()
    assertVisitDate(revision.changes.visitDate, at, 'body.changes.visitDate')
    const content = { ...contentOf(row), ...revision.changes }
    const actor = actorOf(change.user, change.requestId)
    const final = row.status === 'final'
    const next = final
      ? await signed(row, content, change.user.sub, at, row.version)
      : { ...content, version: row.version + 1, status: row.status, signedAt: null, signedByUserId: null, signature: null }
    const written = await records.write(row.id, next, at, tx)
    await versions.append(written, {
      kind: final ? 'AMENDED' : 'UPDATED', actor, at, reason: revision.reason, amendsVersion: final ? row.version : null, amendmentRequestId: revision.amendmentRequestId ?? null,
    }, tx)
    await accessLog.record([row.id], final ? 'AMEND' : 'UPDATE', actor, tx)
    return written
  }

  return {
    lockForChange,
    revise,
    answer,

    /** A draft becomes final, signed by its author: version n+1 (SIGNED) with the same content. */
    async sign (id: string, change: ChangeRequest): Promise<MedicalRecord> {
      return db.transaction(async (tx) => {
        const row = await lockForChange(id, change, tx, NOT_AUTHOR)
        if (row.status === 'final') throw recordFinal('This record is already signed: a signed record changes only by amendment (POST /api/records/:id/amendments)')
        const at = clock.now()
        const written = await records.write(id, await signed(row, contentOf(row), change.user.sub, at, null), at, tx)
        const actor = actorOf(change.user, change.requestId)
        await versions.append(written, { kind: 'SIGNED', actor, at }, tx)
        await accessLog.record([id], 'SIGN', actor, tx)
        return answer(id, change.user, tx)
      })
    },

    /** A final record amended (its author or an admin): version n+1 (AMENDED) signed by the amender, linked to version n. */
    async amend (id: string, revision: Revision, change: ChangeRequest): Promise<MedicalRecord> {
      return db.transaction(async (tx) => {
        const row = await lockForChange(id, change, tx, 'Only the doctor who wrote this record (or an admin) may amend it')
        if (row.status !== 'final') {
          throw validationError('This record is a draft: a draft is changed with PATCH /api/records/:id (amendments are for signed records)', [{ field: 'status', message: 'must be final' }])
        }
        await revise(row, revision, change, tx)
        return answer(id, change.user, tx)
      })
    },
  }
}

export type RecordSigning = ReturnType<typeof createRecordSigning>
