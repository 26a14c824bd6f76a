import { date, index, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns.js'
import { genderEnum } from './enums.js'

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

export type PatientRow = typeof patients.$inferSelect
export type PatientClaimCodeRow = typeof patientClaimCodes.$inferSelect
