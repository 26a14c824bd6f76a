import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns.js'

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

export type DoctorRow = typeof doctors.$inferSelect
