import { ROLES } from '@rekam/auth-verify'
import { sql } from 'drizzle-orm'
import { date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()

export const genderEnum = pgEnum('gender', ['MALE', 'FEMALE', 'OTHER'])
/** The roles of the access tokens (auth-verify's list): an audit row names its actor's. */
export const roleEnum = pgEnum('role', ROLES)
/** What an audit row says was done; the API's AccessActionSchema is derived from it. */
export const accessActionEnum = pgEnum('access_action', ['READ', 'CREATE', 'UPDATE', 'DELETE'])

/** A patient profile; `user_id` is auth-service's user id (no cross-service foreign key). */
export const patients = pgTable('patients', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  fullName: text('full_name').notNull(),
  dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
  gender: genderEnum('gender'),
  phone: text('phone'),
  address: text('address'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('patients_user_id_key').on(t.userId),
  index('patients_full_name_idx').on(t.fullName),
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
  /** Soft delete: medical records are kept, only hidden. */
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [
  // "My records" and doctor/patient filters read newest first among live rows.
  index('medical_records_patient_visit_idx').on(t.patientId, t.visitDate.desc()).where(sql`${t.deletedAt} is null`),
  index('medical_records_doctor_visit_idx').on(t.doctorId, t.visitDate.desc()).where(sql`${t.deletedAt} is null`),
])

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
}, (t) => [index('record_access_log_record_at_idx').on(t.recordId, t.at)])

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
}, (t) => [index('patient_access_log_patient_at_idx').on(t.patientId, t.at)])

export const schema = { patients, doctors, medicalRecords, recordAccessLog, patientAccessLog }
export type RecordsSchema = typeof schema
export type PatientRow = typeof patients.$inferSelect
export type DoctorRow = typeof doctors.$inferSelect
export type MedicalRecordRow = typeof medicalRecords.$inferSelect
export type AccessLogRow = typeof recordAccessLog.$inferSelect
export type PatientAccessLogRow = typeof patientAccessLog.$inferSelect
