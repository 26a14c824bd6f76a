import { ROLES } from '@rekam/auth-verify'
import { auditSeals } from '@rekam/db'
import { sql } from 'drizzle-orm'
import { date, index, integer, jsonb, pgEnum, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { SignedContent } from '@rekam/record-signature'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()

export const genderEnum = pgEnum('gender', ['MALE', 'FEMALE', 'OTHER'])
/** The roles of the access tokens (auth-verify's list): an audit row names its actor's. */
export const roleEnum = pgEnum('role', ROLES)
/** What an audit row says was done; the API's AccessActionSchema is derived from it. */
export const accessActionEnum = pgEnum('access_action', ['READ', 'CREATE', 'UPDATE', 'DELETE', 'SIGN', 'AMEND'])
/**
 * Why an audit row's actor touched the data: their own data (PATIENT), an admin's duty (ADMIN),
 * a doctor in care (TREATMENT), a doctor under an emergency grant (EMERGENCY), or the front desk
 * finding a returning patient (INTAKE). A DENIED row carries the purpose the actor would have had.
 */
export const accessPurposeEnum = pgEnum('access_purpose', ['TREATMENT', 'EMERGENCY', 'PATIENT', 'ADMIN', 'INTAKE'])
export const accessOutcomeEnum = pgEnum('access_outcome', ['ALLOWED', 'DENIED'])
/** How a doctor came to be in a patient's care. */
export const careSourceEnum = pgEnum('care_source', ['REGISTERED', 'AUTHORED', 'ASSIGNED', 'GRANTED', 'REFERRED'])
/** An admin's verdict on an emergency (break-the-glass) access. */
export const emergencyReviewOutcomeEnum = pgEnum('emergency_review_outcome', ['APPROPRIATE', 'INAPPROPRIATE'])

/** A record is a draft (its author changes it), final (signed: changed only by amendment) or entered in error (hidden, kept). */
export const recordStatusEnum = pgEnum('record_status', ['draft', 'final', 'entered-in-error'])
/** What made a record version. */
export const recordVersionKindEnum = pgEnum('record_version_kind', ['CREATED', 'UPDATED', 'SIGNED', 'AMENDED', 'ENTERED_IN_ERROR'])
export const amendmentRequestStatusEnum = pgEnum('amendment_request_status', ['PENDING', 'ACCEPTED', 'DECLINED'])

/**
 * A record's clinical content: what a version keeps and a signature covers (with the ids and
 * version). The signature's own definition, with every field present (null where unset).
 */
export type RecordContent = Required<SignedContent>

/** The numbers of the medical record numbers (MRN = MRN_PREFIX + this, zero-padded to 6). */
export const patientsMrnSeq = pgSequence('patients_mrn_seq', { startWith: 1, increment: 1 })

/**
 * A patient profile; `user_id` is auth-service's user id (no cross-service foreign key), null
 * until a patient registered at the front desk claims the profile. NIK and BPJS numbers are kept
 * only encrypted (`*_encrypted`, AES-256-GCM under PATIENT_DATA_KEY) with a keyed hash
 * (`*_hash`, HMAC-SHA256) for exact-match lookups and uniqueness: a dump alone reveals neither.
 */
export const patients = pgTable('patients', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id'),
  /** Medical record number: MRN_PREFIX + patients_mrn_seq, zero-padded to 6 (`RM-000042`). */
  mrn: text('mrn').notNull(),
  fullName: text('full_name').notNull(),
  dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
  gender: genderEnum('gender'),
  phone: text('phone'),
  address: text('address'),
  email: text('email'),
  nikEncrypted: text('nik_encrypted'),
  nikHash: text('nik_hash'),
  bpjsEncrypted: text('bpjs_encrypted'),
  bpjsHash: text('bpjs_hash'),
  /** Who registered the patient at the front desk; null for a self-registered profile. */
  registeredByUserId: uuid('registered_by_user_id'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  // Unique where set: several unclaimed profiles have no user (nulls are distinct).
  uniqueIndex('patients_user_id_key').on(t.userId),
  uniqueIndex('patients_mrn_key').on(t.mrn),
  uniqueIndex('patients_nik_hash_key').on(t.nikHash),
  uniqueIndex('patients_bpjs_hash_key').on(t.bpjsHash),
  index('patients_full_name_idx').on(t.fullName),
  // The duplicate check at registration: same birth date, similar name.
  index('patients_date_of_birth_idx').on(t.dateOfBirth),
])

export const doctors = pgTable('doctors', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  fullName: text('full_name').notNull(),
  specialization: text('specialization').notNull(),
  licenseNumber: text('license_number'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('doctors_user_id_key').on(t.userId),
  uniqueIndex('doctors_license_number_key').on(t.licenseNumber),
])

export const medicalRecords = pgTable('medical_records', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: uuid('patient_id').notNull().references(() => patients.id, { onDelete: 'restrict' }),
  doctorId: uuid('doctor_id').notNull().references(() => doctors.id, { onDelete: 'restrict' }),
  visitDate: date('visit_date', { mode: 'string' }).notNull(),
  complaint: text('complaint').notNull(),
  diagnosis: text('diagnosis').notNull(),
  treatment: text('treatment').notNull(),
  prescription: text('prescription'),
  notes: text('notes'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  /** When the record was entered in error: it is kept (and its history), only hidden from lists. */
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  /** The current version (record_versions); the ETag of the record. */
  version: integer('version').notNull().default(1),
  status: recordStatusEnum('status').notNull().default('draft'),
  signedAt: timestamp('signed_at', { withTimezone: true }),
  signedByUserId: uuid('signed_by_user_id'),
  /** The current version's detached JWS (RFC 7515 appendix F), null for a draft. */
  signature: text('signature'),
  /** Why the record was entered in error. */
  errorReason: text('error_reason'),
}, (t) => [
  // "My records" and doctor/patient filters read newest first among live rows.
  index('medical_records_patient_visit_idx').on(t.patientId, t.visitDate.desc()).where(sql`${t.deletedAt} is null`),
  index('medical_records_doctor_visit_idx').on(t.doctorId, t.visitDate.desc()).where(sql`${t.deletedAt} is null`),
])

/**
 * Every version of every record, never changed: the full content after each change, who made it,
 * when and why. Written in the same transaction as the change and its audit row.
 */
export const recordVersions = pgTable('record_versions', {
  recordId: uuid('record_id').notNull().references(() => medicalRecords.id, { onDelete: 'restrict' }),
  version: integer('version').notNull(),
  kind: recordVersionKindEnum('kind').notNull(),
  status: recordStatusEnum('status').notNull(),
  /** The record's content after the change: visitDate, complaint, diagnosis, treatment, prescription, notes. */
  content: jsonb('content').$type<RecordContent>().notNull(),
  reason: text('reason'),
  changedByUserId: uuid('changed_by_user_id').notNull(),
  changedByRole: roleEnum('changed_by_role').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }),
  signedByUserId: uuid('signed_by_user_id'),
  signature: text('signature'),
  /** An amendment's predecessor. */
  amendsVersion: integer('amends_version'),
  amendmentRequestId: uuid('amendment_request_id'),
}, (t) => [
  primaryKey({ columns: [t.recordId, t.version] }),
])

/** A patient's request to amend one of their records, accepted (an amendment follows) or declined by its author or an admin. */
export const amendmentRequests = pgTable('amendment_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  recordId: uuid('record_id').notNull().references(() => medicalRecords.id, { onDelete: 'restrict' }),
  patientId: uuid('patient_id').notNull().references(() => patients.id, { onDelete: 'restrict' }),
  requestedByUserId: uuid('requested_by_user_id').notNull(),
  text: text('text').notNull(),
  status: amendmentRequestStatusEnum('status').notNull().default('PENDING'),
  decidedByUserId: uuid('decided_by_user_id'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decisionReason: text('decision_reason'),
  /** The version the accepted request produced. */
  resultingVersion: integer('resulting_version'),
  createdAt: createdAt(),
}, (t) => [
  index('amendment_requests_record_idx').on(t.recordId, t.createdAt),
  index('amendment_requests_pending_idx').on(t.createdAt).where(sql`${t.status} = 'PENDING'`),
])

/**
 * The keys records are signed with. Never deleted: a record signed decades ago stays verifiable
 * against the published keys. The private key is kept only sealed under a key derived from
 * PATIENT_DATA_KEY; `retired_at` ends its use for new signatures.
 */
export const recordSigningKeys = pgTable('record_signing_keys', {
  kid: text('kid').primaryKey(),
  algorithm: text('algorithm').notNull(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  privateKeySealed: text('private_key_sealed').notNull(),
  createdAt: createdAt(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
})

/**
 * One-time codes with which a patient claims a profile registered for them (48 h, single use).
 * Only a hash of the code is kept. Issuing a new code voids the patient's unused ones
 * (`voided_at`), so only the newest printed code works.
 */
export const patientClaimCodes = pgTable('patient_claim_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: uuid('patient_id').notNull().references(() => patients.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull(),
  createdByUserId: uuid('created_by_user_id').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  usedByUserId: uuid('used_by_user_id'),
  voidedAt: timestamp('voided_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('patient_claim_codes_code_hash_key').on(t.codeHash),
  index('patient_claim_codes_patient_idx').on(t.patientId),
])

/**
 * Which doctor treats which patient, since when and until when, and on whose word. A doctor
 * reads a patient's profile and records only while one of their rows is active:
 * starts_at <= now and (ends_at is null or ends_at > now). Rows are ended, never deleted.
 */
export const careRelationships = pgTable('care_relationships', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: uuid('patient_id').notNull().references(() => patients.id, { onDelete: 'restrict' }),
  doctorId: uuid('doctor_id').notNull().references(() => doctors.id, { onDelete: 'restrict' }),
  source: careSourceEnum('source').notNull(),
  grantedByUserId: uuid('granted_by_user_id').notNull(),
  grantedByRole: roleEnum('granted_by_role').notNull(),
  referredByDoctorId: uuid('referred_by_doctor_id').references(() => doctors.id, { onDelete: 'restrict' }),
  note: text('note'),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }),
  endedByUserId: uuid('ended_by_user_id'),
  createdAt: createdAt(),
}, (t) => [
  index('care_relationships_patient_doctor_idx').on(t.patientId, t.doctorId),
  // A doctor's own patient list ("my patients").
  index('care_relationships_doctor_patient_idx').on(t.doctorId, t.patientId),
])

/** Break-the-glass: a doctor's time-limited read access to a patient outside their care, reviewed by an admin. */
export const emergencyAccess = pgTable('emergency_access', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: uuid('patient_id').notNull().references(() => patients.id, { onDelete: 'restrict' }),
  doctorId: uuid('doctor_id').notNull().references(() => doctors.id, { onDelete: 'restrict' }),
  /** The doctor's auth user id (the actor of the step-up). */
  userId: uuid('user_id').notNull(),
  reason: text('reason').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  reviewOutcome: emergencyReviewOutcomeEnum('review_outcome'),
  reviewNote: text('review_note'),
  reviewedByUserId: uuid('reviewed_by_user_id'),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
}, (t) => [
  index('emergency_access_patient_doctor_ends_idx').on(t.patientId, t.doctorId, t.endsAt),
  index('emergency_access_pending_review_idx').on(t.createdAt).where(sql`${t.reviewOutcome} is null`),
])

/** The audit columns both access logs share: purpose, outcome and the per-minute fold of refusals. */
const auditColumns = () => ({
  purpose: accessPurposeEnum('purpose').notNull(),
  outcome: accessOutcomeEnum('outcome').notNull().default('ALLOWED'),
  /** Why a DENIED row was refused (`NOT_IN_CARE`, `NOT_OWNER`, `ROLE`); null for ALLOWED. */
  reason: text('reason'),
  /** The minute of a DENIED row (the fold's key); null for ALLOWED rows. */
  deniedWindow: timestamp('denied_window', { withTimezone: true }),
})

/**
 * Who read or changed which record, when: written in the same statement or transaction as the
 * access. An append-only trail with no foreign key to the record: the trail must outlive what it
 * is about (a cascade would erase it with the record), and a foreign key would lock the record
 * row (FOR KEY SHARE) on every audited read, a write on the medical records for each read of one.
 * Rows are only ever written by statements that have just read the record they name.
 */
export const recordAccessLog = pgTable('record_access_log', {
  id: uuid('id').primaryKey().defaultRandom(),
  recordId: uuid('record_id').notNull(),
  actorUserId: uuid('actor_user_id').notNull(),
  actorRole: roleEnum('actor_role').notNull(),
  action: accessActionEnum('action').notNull(),
  requestId: text('request_id'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  ...auditColumns(),
}, (t) => [
  index('record_access_log_record_at_idx').on(t.recordId, t.at),
  // The sealer's scan window (rows after the last seal).
  index('record_access_log_at_idx').on(t.at),
  uniqueIndex('record_access_log_denied_fold_key').on(t.recordId, t.actorUserId, t.action, t.deniedWindow),
])

/**
 * Who read which patient profile (birth date, phone, address), when: the profile's counterpart of
 * `record_access_log`, with the same columns and the same reasons for having no foreign key. A
 * table of its own rather than a target kind on the record log: the record log, its index and
 * its per-record endpoint stay as they are, and each trail keeps a plain uuid column naming its
 * target. Outcomes (DENIED) and EMERGENCY access will be columns of both.
 */
export const patientAccessLog = pgTable('patient_access_log', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: uuid('patient_id').notNull(),
  actorUserId: uuid('actor_user_id').notNull(),
  actorRole: roleEnum('actor_role').notNull(),
  action: accessActionEnum('action').notNull(),
  requestId: text('request_id'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  ...auditColumns(),
}, (t) => [
  index('patient_access_log_patient_at_idx').on(t.patientId, t.at),
  index('patient_access_log_at_idx').on(t.at),
  uniqueIndex('patient_access_log_denied_fold_key').on(t.patientId, t.actorUserId, t.action, t.deniedWindow),
])

/**
 * How many identical refusals each folded DENIED row stands for: the same target, actor and
 * action within one minute (the fold key, as in the logs' unique fold index). Not part of the
 * trail: the DENIED row is written once and never updated (the trail is insert-only); this
 * counter is updated on each repeat and joined where the API shows `count` and `lastAt`.
 */
export const deniedAccessCounts = pgTable('denied_access_counts', {
  target: text('target', { enum: ['RECORD', 'PATIENT'] }).notNull(),
  targetId: uuid('target_id').notNull(),
  actorUserId: uuid('actor_user_id').notNull(),
  action: accessActionEnum('action').notNull(),
  deniedWindow: timestamp('denied_window', { withTimezone: true }).notNull(),
  /** Identical refusals within one minute are one row: how many, and the last one's time. */
  count: integer('count').notNull().default(1),
  lastAt: timestamp('last_at', { withTimezone: true }),
}, (t) => [primaryKey({ name: 'denied_access_counts_pkey', columns: [t.target, t.targetId, t.actorUserId, t.action, t.deniedWindow] })])

export { auditSeals }

export const schema = {
  patients, doctors, medicalRecords, recordVersions, amendmentRequests, recordSigningKeys, recordAccessLog, patientAccessLog, deniedAccessCounts, auditSeals, patientClaimCodes, careRelationships, emergencyAccess,
}
export type RecordsSchema = typeof schema
export type PatientRow = typeof patients.$inferSelect
export type DoctorRow = typeof doctors.$inferSelect
export type MedicalRecordRow = typeof medicalRecords.$inferSelect
export type RecordVersionRow = typeof recordVersions.$inferSelect
export type AmendmentRequestRow = typeof amendmentRequests.$inferSelect
export type RecordSigningKeyRow = typeof recordSigningKeys.$inferSelect
export type RecordStatus = (typeof recordStatusEnum.enumValues)[number]
export type RecordVersionKind = (typeof recordVersionKindEnum.enumValues)[number]
/** The fold's counter joined to a DENIED row (1 and null for an ALLOWED row or a single refusal). */
interface DeniedRepeats { count: number, lastAt: Date | null }
export type AccessLogRow = typeof recordAccessLog.$inferSelect & DeniedRepeats
export type PatientAccessLogRow = typeof patientAccessLog.$inferSelect & DeniedRepeats
/**
 * What a log page adds to its rows: the actor's name, as their doctor profile gives it (null for
 * an actor without one: a patient, an admin; records-service keeps no other names of accounts).
 */
interface ActorName { actorName: string | null }
export type NamedAccessLogRow = AccessLogRow & ActorName
export type NamedPatientAccessLogRow = PatientAccessLogRow & ActorName
export type PatientClaimCodeRow = typeof patientClaimCodes.$inferSelect
export type CareRelationshipRow = typeof careRelationships.$inferSelect
export type EmergencyAccessRow = typeof emergencyAccess.$inferSelect
export type AccessPurpose = (typeof accessPurposeEnum.enumValues)[number]
