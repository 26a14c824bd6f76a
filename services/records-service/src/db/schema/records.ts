import { sql } from 'drizzle-orm'
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { SignedContent } from '@rekam/record-signature'
import { createdAt, updatedAt } from './columns.js'
import { doctors } from './doctors.js'
import { amendmentRequestStatusEnum, recordStatusEnum, recordVersionKindEnum, roleEnum } from './enums.js'
import { patients } from './patients.js'

/**
 * A record's clinical content: what a version keeps and a signature covers (with the ids and
 * version). The signature's own definition, with every field present (null where unset).
 */
export type RecordContent = Required<SignedContent>

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

export type MedicalRecordRow = typeof medicalRecords.$inferSelect
export type RecordVersionRow = typeof recordVersions.$inferSelect
export type AmendmentRequestRow = typeof amendmentRequests.$inferSelect
