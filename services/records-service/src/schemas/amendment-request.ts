import { TimestampSchema, Type, UuidSchema, type Static } from '@rekam/schemas'
import { amendmentRequestStatusEnum, type AmendmentRequestRow } from '../db/schema.js'
import { NullableString } from './common.js'

export const AmendmentRequestStatusSchema = Type.Union(amendmentRequestStatusEnum.enumValues.map((status) => Type.Literal(status)))

/** A patient's request to amend one of their records, and its decision. */
export const AmendmentRequestSchema = Type.Object({
  id: UuidSchema,
  recordId: UuidSchema,
  patientId: UuidSchema,
  text: Type.String(),
  status: AmendmentRequestStatusSchema,
  createdAt: TimestampSchema,
  decidedAt: Type.Union([TimestampSchema, Type.Null()]),
  /** The auth user id of who accepted or declined it. */
  decidedBy: Type.Union([UuidSchema, Type.Null()]),
  decisionReason: NullableString,
  /** The version an accepted request produced. */
  resultingVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
}, { $id: 'AmendmentRequest' })
export type AmendmentRequest = Static<typeof AmendmentRequestSchema>

export function toAmendmentRequest (row: AmendmentRequestRow): AmendmentRequest {
  return {
    id: row.id,
    recordId: row.recordId,
    patientId: row.patientId,
    text: row.text,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedByUserId,
    decisionReason: row.decisionReason,
    resultingVersion: row.resultingVersion,
  }
}
