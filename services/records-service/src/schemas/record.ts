import { RoleSchema, type Role } from '@rekam/auth-verify'
import { PaginationQuerySchema, StrictObject, TimestampSchema, Type, UuidSchema, type Static } from '@rekam/schemas'
import type { RecordWithParties } from '../db/record-statements.js'
import { accessActionEnum, accessOutcomeEnum, accessPurposeEnum, recordStatusEnum, type NamedAccessLogRow, type NamedPatientAccessLogRow } from '../db/schema.js'
import { DateSchema, NullableString, NullableText } from './common.js'
import { DoctorSummarySchema } from './doctor.js'
import { PatientSummarySchema } from './patient.js'

/** draft (its author changes it), final (signed: changed only by amendment) or entered-in-error (hidden from lists, kept). */
export const RecordStatusSchema = Type.Union(recordStatusEnum.enumValues.map((status) => Type.Literal(status)))

const NullableTimestamp = Type.Union([TimestampSchema, Type.Null()])
const NullableUuid = Type.Union([UuidSchema, Type.Null()])

export const MedicalRecordSchema = Type.Object({
  id: UuidSchema,
  patientId: UuidSchema,
  doctorId: UuidSchema,
  visitDate: DateSchema,
  complaint: Type.String(),
  diagnosis: Type.String(),
  treatment: Type.String(),
  prescription: NullableString,
  notes: NullableString,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  doctor: DoctorSummarySchema,
  /** Present for staff (DOCTOR, ADMIN); a patient knows who they are. */
  patient: Type.Optional(PatientSummarySchema),
  /** Only on a deleted record, which its patient and admins can still read by id. */
  deletedAt: Type.Optional(TimestampSchema),
  /** The current version (GET /api/records/:id/history); also the response's ETag, `"<version>"`. */
  version: Type.Integer({ minimum: 1 }),
  status: RecordStatusSchema,
  signedAt: NullableTimestamp,
  /** The auth user id of the signer. */
  signedBy: NullableUuid,
  /** The current version's detached compact JWS (`<header>..<signature>`, RFC 7515 appendix F), verifiable with GET /api/records/.well-known/jwks.json. */
  signature: NullableString,
  /** Why the record was entered in error. */
  errorReason: NullableString,
}, { $id: 'MedicalRecord' })
export type MedicalRecord = Static<typeof MedicalRecordSchema>

/** A record as the API shows it; staff see its patient too (a patient knows who they are). */
export function toRecord (row: RecordWithParties, withPatient: boolean): MedicalRecord {
  const { record, doctor, patient } = row
  return {
    id: record.id,
    patientId: record.patientId,
    doctorId: record.doctorId,
    visitDate: record.visitDate,
    complaint: record.complaint,
    diagnosis: record.diagnosis,
    treatment: record.treatment,
    prescription: record.prescription,
    notes: record.notes,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    doctor,
    ...(withPatient ? { patient: { id: patient.id, fullName: patient.fullName, dateOfBirth: patient.dateOfBirth } } : {}),
    ...(record.deletedAt ? { deletedAt: record.deletedAt.toISOString() } : {}),
    version: record.version,
    status: record.status,
    signedAt: record.signedAt?.toISOString() ?? null,
    signedBy: record.signedByUserId,
    signature: record.signature,
    errorReason: record.errorReason,
  }
}

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength })

export const RecordCreateSchema = StrictObject({
  patientId: UuidSchema,
  /** ADMIN only: the authoring doctor. A DOCTOR always authors as themselves. */
  doctorId: Type.Optional(UuidSchema),
  visitDate: DateSchema,
  complaint: Text(2000),
  diagnosis: Text(2000),
  treatment: Text(4000),
  prescription: Type.Optional(NullableText(4000)),
  notes: Type.Optional(NullableText(8000)),
}, {
  examples: [{
    patientId: '6f1c2e4a-8b3d-4f5e-9a7b-2c1d0e9f8a7b',
    visitDate: '2025-11-03',
    complaint: 'Cough and mild fever for three days',
    diagnosis: 'Acute upper respiratory infection',
    treatment: 'Rest, plenty of fluids',
    prescription: 'Paracetamol 500 mg three times a day for three days',
    notes: null,
  }],
})
export type RecordCreate = Static<typeof RecordCreateSchema>

export const RecordUpdateSchema = StrictObject({
  visitDate: Type.Optional(DateSchema),
  complaint: Type.Optional(Text(2000)),
  diagnosis: Type.Optional(Text(2000)),
  treatment: Type.Optional(Text(4000)),
  prescription: Type.Optional(NullableText(4000)),
  notes: Type.Optional(NullableText(8000)),
  /** Why it changed, kept on the version (optional for a draft). */
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
}, { minProperties: 1, examples: [{ diagnosis: 'Acute bronchitis', notes: 'Review in one week', reason: 'Chest X-ray result' }] })
export type RecordUpdate = Static<typeof RecordUpdateSchema>

/** Why a record is entered in error (DELETE): kept on its last version and shown with the record. */
export const RecordDeleteSchema = StrictObject({
  reason: Type.String({ minLength: 3, maxLength: 500, description: 'Why the record is entered in error (3 to 500 characters)' }),
}, { examples: [{ reason: 'Written in the wrong patient\'s chart' }] })
export type RecordDelete = Static<typeof RecordDeleteSchema>

export const RecordListQuerySchema = StrictObject({
  ...PaginationQuerySchema.properties,
  patientId: Type.Optional(UuidSchema),
  doctorId: Type.Optional(UuidSchema),
  from: Type.Optional(DateSchema),
  to: Type.Optional(DateSchema),
})
export type RecordListQuery = Static<typeof RecordListQuerySchema>

export const AccessActionSchema = Type.Union(accessActionEnum.enumValues.map((action) => Type.Literal(action)))

export const AccessPurposeSchema = Type.Union(accessPurposeEnum.enumValues.map((purpose) => Type.Literal(purpose)))
export const AccessOutcomeSchema = Type.Union(accessOutcomeEnum.enumValues.map((outcome) => Type.Literal(outcome)))

export const AccessLogEntrySchema = Type.Object({
  id: UuidSchema,
  recordId: UuidSchema,
  /** Null on a refused (DENIED) entry shown to the patient: they learn that someone was refused, and their role. */
  actorUserId: Type.Union([UuidSchema, Type.Null()]),
  actorRole: RoleSchema,
  /** The actor's name from their doctor profile ("dr. Sari Wulandari"); null for an actor without one (a patient, an admin) and, like the id, on a refused entry shown to the patient. */
  actorName: NullableString,
  action: AccessActionSchema,
  purpose: AccessPurposeSchema,
  outcome: AccessOutcomeSchema,
  /** Why a DENIED entry was refused (`NOT_IN_CARE`, `NOT_OWNER`, `NOT_AUTHOR`, `ROLE`, …); null when allowed. */
  reason: NullableString,
  /** Identical refusals within one minute are one entry: how many, and the last one's time. */
  count: Type.Integer({ minimum: 1 }),
  lastAt: Type.Union([TimestampSchema, Type.Null()]),
  requestId: NullableString,
  at: TimestampSchema,
})
export type AccessLogEntry = Static<typeof AccessLogEntrySchema>

/** The entry of a profile's access log: the same, naming the patient instead of a record. */
export const PatientAccessLogEntrySchema = Type.Object({
  id: UuidSchema,
  patientId: UuidSchema,
  ...Type.Omit(AccessLogEntrySchema, ['id', 'recordId']).properties,
})
export type PatientAccessLogEntry = Static<typeof PatientAccessLogEntrySchema>

/** A profile log entry as `viewer` sees it (see toAccessLogEntry). */
export function toPatientAccessLogEntry (row: NamedPatientAccessLogRow, viewer: Role): PatientAccessLogEntry {
  const { recordId, ...entry } = toAccessLogEntry({ ...row, recordId: row.patientId }, viewer)
  return { ...entry, patientId: recordId }
}

/** An entry as `viewer` sees it: a patient is not told who was refused, only that someone was. */
export function toAccessLogEntry (row: NamedAccessLogRow, viewer: Role): AccessLogEntry {
  const hidden = viewer === 'PATIENT' && row.outcome === 'DENIED'
  return {
    id: row.id,
    recordId: row.recordId,
    actorUserId: hidden ? null : row.actorUserId,
    actorRole: row.actorRole,
    actorName: hidden ? null : row.actorName,
    action: row.action,
    purpose: row.purpose,
    outcome: row.outcome,
    reason: row.reason,
    count: row.count,
    lastAt: row.lastAt?.toISOString() ?? null,
    requestId: row.requestId,
    at: row.at.toISOString(),
  }
}
