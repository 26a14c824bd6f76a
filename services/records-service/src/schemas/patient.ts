import { PaginationQuerySchema, StrictObject, TimestampSchema, Type, UuidSchema, type Static } from '@rekam/schemas'
import { genderEnum, type PatientRow } from '../db/schema.js'
import { DateSchema, NullableString, NullableText } from './common.js'

export const GenderSchema = Type.Union(genderEnum.enumValues.map((gender) => Type.Literal(gender)))

export const PatientSchema = Type.Object({
  id: UuidSchema,
  /** Null for a profile registered at the front desk and not yet claimed. */
  userId: Type.Union([UuidSchema, Type.Null()]),
  fullName: Type.String(),
  dateOfBirth: DateSchema,
  gender: Type.Union([GenderSchema, Type.Null()]),
  phone: NullableString,
  address: NullableString,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
}, { $id: 'Patient' })
export type Patient = Static<typeof PatientSchema>

export function toPatient (row: PatientRow): Patient {
  return {
    id: row.id,
    userId: row.userId,
    fullName: row.fullName,
    dateOfBirth: row.dateOfBirth,
    gender: row.gender,
    phone: row.phone,
    address: row.address,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** PUT replaces the whole profile: optional fields left out become null. */
export const PatientProfileSchema = StrictObject({
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  dateOfBirth: DateSchema,
  gender: Type.Optional(Type.Union([GenderSchema, Type.Null()])),
  phone: Type.Optional(NullableText(32)),
  address: Type.Optional(NullableText(500)),
}, { examples: [{ fullName: 'Andi Wijaya', dateOfBirth: '1990-04-17', gender: 'MALE', phone: '+62 812 3456 7890', address: 'Jl. Merdeka No. 10, Bandung' }] })
export type PatientProfile = Static<typeof PatientProfileSchema>

export const PatientListQuerySchema = StrictObject({
  ...PaginationQuerySchema.properties,
  search: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the full name' })),
})
export type PatientListQuery = Static<typeof PatientListQuerySchema>

/** What a record shows of its patient to staff. */
export const PatientSummarySchema = Type.Object({
  id: UuidSchema,
  fullName: Type.String(),
  dateOfBirth: DateSchema,
})
