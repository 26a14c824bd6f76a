import type { AccessTokenClaims } from '@rekam/auth-verify'
import { notFound, preconditionFailed, recordFinal, validationError } from '@rekam/errors'
import type { FastifyInstance } from 'fastify'
import type { RecordWithParties } from '../db/record-statements.js'
import type { RecordVersionKind } from '../db/schema.js'
import type { AccessAction } from '../plugins/app/access-log-repository.js'
import type { RecordsDb } from '../plugins/app/db.js'
import type { RecordChange } from '../plugins/app/records-repository.js'
import { toRecord, type MedicalRecord, type RecordUpdate } from '../schemas/record.js'
import { actorOf } from './actor.js'
import { assertVisitDate } from './date-rules.js'
import { assertIfMatch, type IfMatch } from './etag.js'
import { refused } from './refusal.js'

/** One change of a record: what it sets, the version it writes and the access-log action. */
export interface Change {
  values: Omit<RecordChange, 'updatedAt'>
  kind: RecordVersionKind
  action: AccessAction
  reason?: string | null | undefined
  amendsVersion?: number | null | undefined
  amendmentRequestId?: string | null | undefined
}

/**
 * Every change of a record writes its next version: the record row, the version row and the
 * access-log row in one transaction, over the version the caller checked (If-Match) with the row
 * locked, so two changes never both build on one version. Only the record's author (a doctor) or
 * an admin changes it; a signed (final) record changes only by amendment.
 */
export function createRecordChanges (fastify: FastifyInstance) {
  const { db, clock, recordsRepository: records, recordVersionsRepository: versions, doctorsRepository: doctors, accessLogRepository: accessLog } = fastify

  /** The live record, locked for this transaction; 404 when there is none, 403 when this doctor did not write it. */
  async function findForChange (id: string, user: AccessTokenClaims, tx: RecordsDb): Promise<RecordWithParties> {
    const row = await records.findForChange(id, tx)
    if (!row) throw notFound('Medical record not found')
    if (user.role === 'DOCTOR') {
      const doctor = await doctors.findByUserId(user.sub, tx)
      if (!doctor || doctor.id !== row.record.doctorId) throw refused('NOT_AUTHOR', 'Only the doctor who wrote this record (or an admin) may change it')
    }
    return row
  }

  /**
   * Writes `change` over the record found by findForChange, in the caller's transaction: the
   * next version (If-Match checked against the current one), its version row and its audit row.
   */
  async function apply (found: RecordWithParties, change: Change, ifMatch: IfMatch, user: AccessTokenClaims, requestId: string, tx: RecordsDb): Promise<MedicalRecord> {
    const { record } = found
    assertIfMatch(ifMatch, record.version)
    const at = clock.now()
    const next = await records.nextVersion(record.id, record.version, { ...change.values, updatedAt: at }, tx)
    // Unreachable under findForChange's lock; refused rather than written over if it ever is.
    if (!next) throw preconditionFailed(record.version + 1)
    const actor = actorOf(user, requestId)
    await versions.append(next, { kind: change.kind, actor, at, reason: change.reason, amendsVersion: change.amendsVersion, amendmentRequestId: change.amendmentRequestId }, tx)
    await accessLog.record([record.id], change.action, actor, tx)
    return toRecord({ ...found, record: next }, user.role !== 'PATIENT')
  }

  return {
    findForChange,
    apply,

    /** PATCH: a draft's content changes (version kind UPDATED); a final record answers 409 RECORD_FINAL. */
    async update (id: string, body: RecordUpdate, ifMatch: IfMatch, user: AccessTokenClaims, requestId: string): Promise<MedicalRecord> {
      const { reason, ...content } = body
      if (Object.keys(content).length === 0) {
        throw validationError('body must change at least one field of the record (a reason alone changes nothing)', [{ field: 'body', message: 'must change at least one field besides reason' }])
      }
      assertVisitDate(content.visitDate, clock.now())
      return db.transaction(async (tx) => {
        const found = await findForChange(id, user, tx)
        if (found.record.status === 'final') throw recordFinal()
        return apply(found, { values: content, kind: 'UPDATED', action: 'UPDATE', reason }, ifMatch, user, requestId, tx)
      })
    },

    /**
     * DELETE: the record is entered in error (version kind ENTERED_IN_ERROR, with its reason),
     * hidden from lists and from doctors, kept with its history; a final record too (its
     * signature stays on the signed versions, the new one is not signed).
     */
    async enterInError (id: string, reason: string, ifMatch: IfMatch, user: AccessTokenClaims, requestId: string): Promise<MedicalRecord> {
      return db.transaction(async (tx) => {
        const found = await findForChange(id, user, tx)
        const values = { status: 'entered-in-error' as const, errorReason: reason, deletedAt: clock.now(), signedAt: null, signedByUserId: null, signature: null }
        return apply(found, { values, kind: 'ENTERED_IN_ERROR', action: 'DELETE', reason }, ifMatch, user, requestId, tx)
      })
    },
  }
}

export type RecordChanges = ReturnType<typeof createRecordChanges>
