import { RoleSchema } from '@rekam/auth-verify'
import { TimestampSchema, Type, UuidSchema, type Static } from '@rekam/schemas'
import { recordVersionKindEnum, type RecordVersionRow } from '../db/schema.js'
import { DateSchema, NullableString } from './common.js'
import { RecordStatusSchema } from './record.js'

const NullableTimestamp = Type.Union([TimestampSchema, Type.Null()])
const NullableUuid = Type.Union([UuidSchema, Type.Null()])
const NullableVersion = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])

/** What made a version: CREATED, UPDATED (a draft changed), SIGNED, AMENDED (a final record changed) or ENTERED_IN_ERROR. */
export const RecordVersionKindSchema = Type.Union(recordVersionKindEnum.enumValues.map((kind) => Type.Literal(kind)))

/** A record's clinical content after a change: what a version keeps and a signature covers. */
export const RecordContentSchema = Type.Object({
  visitDate: DateSchema,
  complaint: Type.String(),
  diagnosis: Type.String(),
  treatment: Type.String(),
  prescription: NullableString,
  notes: NullableString,
})

/** One version of a record, never changed once written. */
export const RecordVersionSchema = Type.Object({
  recordId: UuidSchema,
  version: Type.Integer({ minimum: 1 }),
  kind: RecordVersionKindSchema,
  status: RecordStatusSchema,
  content: RecordContentSchema,
  /** Why it changed (required for an amendment and an entry in error, optional for an update). */
  reason: NullableString,
  /** Who made the change: their auth user id and role at the time. */
  changedBy: Type.Object({ userId: UuidSchema, role: RoleSchema }),
  changedAt: TimestampSchema,
  signedAt: NullableTimestamp,
  /** The auth user id of the signer. */
  signedBy: NullableUuid,
  /** This version's detached compact JWS (`<header>..<signature>`), null when it is not signed. */
  signature: NullableString,
  /** The version an amendment amends. */
  amendsVersion: NullableVersion,
  /** The patient's amendment request this version answers. */
  amendmentRequestId: NullableUuid,
}, { $id: 'RecordVersion' })
export type RecordVersion = Static<typeof RecordVersionSchema>

export function toRecordVersion (row: RecordVersionRow): RecordVersion {
  return {
    recordId: row.recordId,
    version: row.version,
    kind: row.kind,
    status: row.status,
    content: {
      visitDate: row.content.visitDate,
      complaint: row.content.complaint,
      diagnosis: row.content.diagnosis,
      treatment: row.content.treatment,
      prescription: row.content.prescription ?? null,
      notes: row.content.notes ?? null,
    },
    reason: row.reason,
    changedBy: { userId: row.changedByUserId, role: row.changedByRole },
    changedAt: row.changedAt.toISOString(),
    signedAt: row.signedAt?.toISOString() ?? null,
    signedBy: row.signedByUserId,
    signature: row.signature,
    amendsVersion: row.amendsVersion,
    amendmentRequestId: row.amendmentRequestId,
  }
}
