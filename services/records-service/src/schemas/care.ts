import { RoleSchema } from '@rekam/auth-verify'
import { PaginationQuerySchema, StrictObject, TimestampSchema, Type, UuidSchema, type Static } from '@rekam/schemas'
import { careSourceEnum, emergencyReviewOutcomeEnum } from '../db/schema.js'
import type { RefusalView } from '../plugins/app/access-log-repository.js'
import type { CareRelationshipView, EmergencyAccessView } from '../plugins/app/care-repository.js'
import { NullableString } from './common.js'
import { DoctorSummarySchema } from './doctor.js'
import { AccessActionSchema } from './record.js'

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)))
const NullableTimestamp = Type.Union([TimestampSchema, Type.Null()])
const Note = Type.String({ minLength: 1, maxLength: 1000 })

export const CareSourceSchema = literals(careSourceEnum.enumValues)

export const CareRelationshipSchema = Type.Object({
  id: UuidSchema,
  patientId: UuidSchema,
  doctor: DoctorSummarySchema,
  source: CareSourceSchema,
  grantedBy: Type.Object({ userId: UuidSchema, role: RoleSchema }),
  note: NullableString,
  startsAt: TimestampSchema,
  endsAt: NullableTimestamp,
  endedByUserId: Type.Union([UuidSchema, Type.Null()]),
  active: Type.Boolean(),
}, { $id: 'CareRelationship' })
export type CareRelationship = Static<typeof CareRelationshipSchema>

export function toCareRelationship (row: CareRelationshipView): CareRelationship {
  return {
    id: row.id,
    patientId: row.patientId,
    doctor: { id: row.doctorId, fullName: row.doctorFullName, specialization: row.doctorSpecialization },
    source: row.source,
    grantedBy: { userId: row.grantedByUserId, role: row.grantedByRole },
    note: row.note,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    endedByUserId: row.endedByUserId,
    active: row.active,
  }
}

/** `POST /api/patients/me/care-team`: the patient grants a doctor access. */
export const CareGrantSchema = StrictObject({ doctorId: UuidSchema }, { examples: [{ doctorId: '0b7e4d3c-2a1f-4e6d-9c8b-7a6f5e4d3c2b' }] })
/** `POST /api/patients/:id/care-team` (admin) and `/referrals` (a doctor in care). */
export const CareAssignSchema = StrictObject({ doctorId: UuidSchema, note: Type.Optional(Note) }, {
  examples: [{ doctorId: '0b7e4d3c-2a1f-4e6d-9c8b-7a6f5e4d3c2b', note: 'Cardiology follow-up' }],
})
export type CareAssign = Static<typeof CareAssignSchema>

export const DoctorIdParamsSchema = StrictObject({ doctorId: UuidSchema })
export const RelationshipParamsSchema = StrictObject({ id: UuidSchema, relationshipId: UuidSchema })

export const ReviewOutcomeSchema = literals(emergencyReviewOutcomeEnum.enumValues)

export const EmergencyAccessSchema = Type.Object({
  id: UuidSchema,
  patient: Type.Object({ id: UuidSchema, mrn: Type.String(), fullName: Type.String() }),
  doctor: Type.Object({ id: UuidSchema, fullName: Type.String() }),
  reason: Type.String(),
  startsAt: TimestampSchema,
  endsAt: TimestampSchema,
  active: Type.Boolean(),
  /** How many reads (profile and records) were made under this grant (purpose EMERGENCY). */
  reads: Type.Integer({ minimum: 0 }),
  review: Type.Union([Type.Null(), Type.Object({
    outcome: ReviewOutcomeSchema,
    note: Type.String(),
    reviewedByUserId: UuidSchema,
    reviewedAt: TimestampSchema,
  })]),
}, { $id: 'EmergencyAccess' })
export type EmergencyAccess = Static<typeof EmergencyAccessSchema>

export function toEmergencyAccess (row: EmergencyAccessView): EmergencyAccess {
  return {
    id: row.id,
    patient: { id: row.patientId, mrn: row.patientMrn, fullName: row.patientFullName },
    doctor: { id: row.doctorId, fullName: row.doctorFullName },
    reason: row.reason,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    active: row.active,
    reads: row.reads,
    review: row.reviewOutcome && row.reviewedByUserId && row.reviewedAt
      ? { outcome: row.reviewOutcome, note: row.reviewNote ?? '', reviewedByUserId: row.reviewedByUserId, reviewedAt: row.reviewedAt.toISOString() }
      : null,
  }
}

export const EmergencyRequestSchema = StrictObject({
  reason: Type.String({ minLength: 20, maxLength: 1000, description: 'Why the patient\'s data is needed now (20 to 1000 characters); shown to the patient and to the reviewing admin' }),
}, { examples: [{ reason: 'Unconscious patient in the emergency room; checking allergies and current medication' }] })

export const EmergencyReviewSchema = StrictObject({ outcome: ReviewOutcomeSchema, note: Note }, {
  examples: [{ outcome: 'APPROPRIATE', note: 'Emergency admission confirmed by the ward log' }],
})
export type EmergencyReview = Static<typeof EmergencyReviewSchema>

export const EmergencyListQuerySchema = StrictObject({
  ...PaginationQuerySchema.properties,
  status: Type.Optional(literals(['pending', 'reviewed', 'all'])),
})
export type EmergencyListQuery = Static<typeof EmergencyListQuerySchema>

export const RefusalSchema = Type.Object({
  id: UuidSchema,
  target: literals(['RECORD', 'PATIENT']),
  targetId: UuidSchema,
  actorUserId: UuidSchema,
  actorRole: RoleSchema,
  action: AccessActionSchema,
  reason: NullableString,
  /** Identical refusals within one minute are one entry. */
  count: Type.Integer({ minimum: 1 }),
  at: TimestampSchema,
  lastAt: NullableTimestamp,
  requestId: NullableString,
}, { $id: 'Refusal' })
export type Refusal = Static<typeof RefusalSchema>

export function toRefusal (row: RefusalView): Refusal {
  return { ...row, at: row.at.toISOString(), lastAt: row.lastAt?.toISOString() ?? null }
}
