import type { AccessTokenClaims } from '@rekam/auth-verify'
import { canonicalRecordPayload } from '@rekam/record-signature'
import { appError, validationError } from '@rekam/errors'
import type { FastifyInstance } from 'fastify'
import type { RecordWithParties } from '../db/record-statements.js'
import type { MedicalRecordRow, RecordContent } from '../db/schema.js'
import type { RecordsDb } from '../plugins/app/db.js'
import { contentOf } from '../plugins/app/record-versions-repository.js'
import type { MedicalRecord } from '../schemas/record.js'
import type { RecordContentChanges } from '../schemas/signing.js'
import { assertVisitDate } from './date-rules.js'
import type { IfMatch } from './etag.js'

/** Who asks for a change, and over which version (If-Match). */
export interface ChangeRequest {
  user: AccessTokenClaims
  requestId: string
  ifMatch: IfMatch
}

/** An amendment (final record) or an update (draft) with its reason, and the patient's request it answers. */
export interface Revision {
  changes: RecordContentChanges
  reason: string
  amendmentRequestId?: string | null
}

/**
 * Signing and amending: a record becomes final with a detached JWS over its canonical payload
 * (@rekam/record-signature signedRecordPayload) under records-service's key, and a final record changes
 * only by a signed amendment. Both are changes of record-changes.ts (the row locked, If-Match,
 * the next version and its SIGN or AMEND row in one transaction); the signature covers the
 * version they write.
 */
export function createRecordSigning (fastify: FastifyInstance) {
  const { db, clock, recordChanges, recordSigningKeys: keys } = fastify

  /** The signature columns of the record's next version with `content`, signed now by `signedBy`. */
  async function signedAs (record: MedicalRecordRow, content: RecordContent, signedBy: string, at: Date, amendsVersion: number | null) {
    const signature = await keys.sign(canonicalRecordPayload({
      ...content, id: record.id, patientId: record.patientId, doctorId: record.doctorId, version: record.version + 1, signedAt: at.toISOString(), signedBy, amendsVersion,
    }))
    return { status: 'final' as const, signedAt: at, signedByUserId: signedBy, signature }
  }

  /**
   * The next version of a locked record with `revision` applied: signed by the actor as an
   * amendment of the current version when the record is final, an unsigned update of a draft.
   */
  async function revise (found: RecordWithParties, revision: Revision, change: ChangeRequest, tx: RecordsDb): Promise<MedicalRecord> {
    const at = clock.now()
    assertVisitDate(revision.changes.visitDate, at, 'body.changes.visitDate')
    const { record } = found
    const details = { reason: revision.reason, amendmentRequestId: revision.amendmentRequestId ?? null }
    if (record.status !== 'final') {
      return recordChanges.apply(found, { values: revision.changes, kind: 'UPDATED', action: 'UPDATE', ...details }, change.ifMatch, change.user, change.requestId, tx)
    }
    const signature = await signedAs(record, { ...contentOf(record), ...revision.changes }, change.user.sub, at, record.version)
    return recordChanges.apply(found, {
      values: { ...revision.changes, ...signature }, kind: 'AMENDED', action: 'AMEND', amendsVersion: record.version, ...details,
    }, change.ifMatch, change.user, change.requestId, tx)
  }

  return {
    revise,

    /** A draft becomes final, signed by its author: version n+1 (SIGNED) with the same content. */
    async sign (id: string, change: ChangeRequest): Promise<MedicalRecord> {
      return db.transaction(async (tx) => {
        const found = await recordChanges.findForChange(id, change.user, tx)
        const { record } = found
        if (record.status === 'final') throw appError('RECORD_FINAL', 'This record is already signed: a signed record changes only by amendment (POST /api/records/:id/amendments)')
        const values = await signedAs(record, contentOf(record), change.user.sub, clock.now(), null)
        return recordChanges.apply(found, { values, kind: 'SIGNED', action: 'SIGN' }, change.ifMatch, change.user, change.requestId, tx)
      })
    },

    /** A final record amended (its author or an admin): version n+1 (AMENDED) signed by the amender, linked to version n. */
    async amend (id: string, revision: Revision, change: ChangeRequest): Promise<MedicalRecord> {
      return db.transaction(async (tx) => {
        const found = await recordChanges.findForChange(id, change.user, tx)
        if (found.record.status !== 'final') {
          throw validationError('This record is a draft: a draft is changed with PATCH /api/records/:id (amendments are for signed records)', [{ field: 'status', message: 'must be final' }])
        }
        return revise(found, revision, change, tx)
      })
    },
  }
}

export type RecordSigning = ReturnType<typeof createRecordSigning>
