import { sql } from 'drizzle-orm'
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns.js'
import { doctors } from './doctors.js'
import { careSourceEnum, emergencyReviewOutcomeEnum, roleEnum } from './enums.js'
import { patients } from './patients.js'

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

export type CareRelationshipRow = typeof careRelationships.$inferSelect
export type EmergencyAccessRow = typeof emergencyAccess.$inferSelect
