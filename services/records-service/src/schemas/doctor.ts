import { PaginationQuerySchema, StrictObject, TimestampSchema, Type, UuidSchema, type Static } from '@rekam/schemas'
import type { DoctorRow } from '../db/schema.js'
import { NullableString, NullableText } from './common.js'

export const DoctorSchema = Type.Object({
  id: UuidSchema,
  userId: UuidSchema,
  fullName: Type.String(),
  specialization: Type.String(),
  licenseNumber: NullableString,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
}, { $id: 'Doctor' })
export type Doctor = Static<typeof DoctorSchema>

export function toDoctor (row: DoctorRow): Doctor {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() }
}

export const DoctorProfileSchema = StrictObject({
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  specialization: Type.String({ minLength: 1, maxLength: 100 }),
  licenseNumber: Type.Optional(NullableText(64)),
}, { examples: [{ fullName: 'dr. Sari Lestari', specialization: 'General Practice', licenseNumber: 'STR-3271-0042' }] })
export type DoctorProfile = Static<typeof DoctorProfileSchema>

export const DoctorListQuerySchema = StrictObject({
  ...PaginationQuerySchema.properties,
  search: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the full name' })),
  specialization: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
})
export type DoctorListQuery = Static<typeof DoctorListQuerySchema>

/** What a record shows of its doctor, and all a patient sees of one in the doctors list. */
export const DoctorSummarySchema = Type.Object({
  id: UuidSchema,
  fullName: Type.String(),
  specialization: Type.String(),
})
export type DoctorSummary = Static<typeof DoctorSummarySchema>

/**
 * An item of `GET /api/doctors`: the full doctor first, so the serializer (which takes the first
 * branch an item matches) keeps every field of a full doctor and only the summary's of a summary.
 */
export const DoctorListItemSchema = Type.Union([DoctorSchema, DoctorSummarySchema], {
  description: 'DOCTOR and ADMIN callers get the full doctor; a PATIENT gets id, fullName and specialization only',
})

/** Names the fields one by one: a spread would carry the user id and licence number along. */
export function toDoctorSummary (doctor: DoctorSummary): DoctorSummary {
  return { id: doctor.id, fullName: doctor.fullName, specialization: doctor.specialization }
}
