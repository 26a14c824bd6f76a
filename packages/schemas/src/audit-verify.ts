import { Type, type Static } from '@sinclair/typebox'

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)))

/** What a verification found first in a trail (docs/audit-trail.md explains each problem). */
export const AuditMismatchSchema = Type.Object({
  /** The audit row concerned (ALTERED, MISSING); null for a problem of a seal. */
  rowId: Type.Union([Type.String(), Type.Null()]),
  sealId: Type.Union([Type.String(), Type.Null()]),
  problem: literals(['ALTERED', 'MISSING', 'SEAL_ALTERED', 'MAC_INVALID', 'CHAIN_BROKEN'] as const),
  detail: Type.String(),
})

export const AuditTrailReportSchema = Type.Object({
  trail: Type.String({ description: 'The audited table: record_access_log, patient_access_log, security_events' }),
  rows: Type.Integer({ minimum: 0 }),
  sealedRows: Type.Integer({ minimum: 0 }),
  /** Rows written since the last seal (committed after the verification's own sealing run). */
  pendingRows: Type.Integer({ minimum: 0 }),
  seals: Type.Integer({ minimum: 0 }),
  /** The newest seal: the value an operator records outside the database. */
  head: Type.Union([Type.Object({ seq: Type.Integer({ minimum: 1 }), sealHash: Type.String() }), Type.Null()]),
  firstMismatch: Type.Union([AuditMismatchSchema, Type.Null()]),
})

/** `GET /api/audit/verify` and `GET /api/auth/audit/verify`. */
export const AuditVerifySchema = Type.Object({
  intact: Type.Boolean(),
  checkedAt: Type.String({ format: 'date-time' }),
  trails: Type.Array(AuditTrailReportSchema),
}, { $id: 'AuditVerification' })
export type AuditVerify = Static<typeof AuditVerifySchema>

/** A verification report (@rekam/db's VerifyReport) in the API's shape. */
export function toAuditVerify (report: Omit<AuditVerify, 'checkedAt'> & { checkedAt: Date }): AuditVerify {
  return { ...report, checkedAt: report.checkedAt.toISOString() }
}
