import { PaginationQuerySchema, StrictObject, TimestampSchema, Type, UuidSchema, type Static } from '@rekam/schemas'
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

export const DoctorProfileSchema = StrictObject({
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  specialization: Type.String({ minLength: 1, maxLength: 100 }),
  licenseNumber: Type.Optional(NullableText(64)),
})
export type DoctorProfile = Static<typeof DoctorProfileSchema>

export const DoctorListQuerySchema = StrictObject({
  ...PaginationQuerySchema.properties,
  search: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the full name' })),
  specialization: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
})
export type DoctorListQuery = Static<typeof DoctorListQuerySchema>

/** What a record shows of its doctor. */
export const DoctorSummarySchema = Type.Object({
  id: UuidSchema,
  fullName: Type.String(),
  specialization: Type.String(),
})
