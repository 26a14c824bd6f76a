import { PaginationQuerySchema, StrictObject, TimestampSchema, Type, UuidSchema, type Static } from '@rekam/schemas'
import { genderEnum, type PatientRow } from '../db/schema.js'
import type { PatientData } from '../plugins/app/patient-data.js'
import { DateSchema, NullableString, NullableText } from './common.js'

export const GenderSchema = Type.Union(genderEnum.enumValues.map((gender) => Type.Literal(gender)))

export const PatientSchema = Type.Object({
  id: UuidSchema,
  /** Null for a profile registered at the front desk and not yet claimed. */
  userId: Type.Union([UuidSchema, Type.Null()]),
  /** Medical record number: MRN_PREFIX and a sequence (`RM-000042`). */
  mrn: Type.String(),
  fullName: Type.String(),
  dateOfBirth: DateSchema,
  gender: Type.Union([GenderSchema, Type.Null()]),
  phone: NullableString,
  address: NullableString,
  email: NullableString,
  /** NIK (16 digits), stored encrypted; shown only to the patient and staff with access. */
  nik: NullableString,
  /** BPJS Kesehatan card number (13 digits), stored encrypted like the NIK. */
  bpjsNumber: NullableString,
  /** Whether a patient account owns the profile (self-registered, or claimed with a code). */
  claimed: Type.Boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
}, { $id: 'Patient' })
export type Patient = Static<typeof PatientSchema>

/** The response shape of a profile; NIK and BPJS numbers are decrypted here and only here. */
export function toPatient (row: PatientRow, data: PatientData): Patient {
  return {
    id: row.id,
    userId: row.userId,
    mrn: row.mrn,
    fullName: row.fullName,
    dateOfBirth: row.dateOfBirth,
    gender: row.gender,
    phone: row.phone,
    address: row.address,
    email: row.email,
    nik: data.open(row.nikEncrypted),
    bpjsNumber: data.open(row.bpjsEncrypted),
    claimed: row.userId !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** The minimal demographics intake search shows: enough to recognise a returning patient. */
export const PatientIntakeSchema = Type.Object({
  id: UuidSchema,
  mrn: Type.String(),
  fullName: Type.String(),
  dateOfBirth: DateSchema,
  gender: Type.Union([GenderSchema, Type.Null()]),
  claimed: Type.Boolean(),
}, { $id: 'PatientIntake' })
export type PatientIntake = Static<typeof PatientIntakeSchema>

export const NikSchema = Type.String({ pattern: '^[0-9]{16}$', description: 'NIK: 16 digits' })
export const BpjsNumberSchema = Type.String({ pattern: '^[0-9]{13}$', description: 'BPJS Kesehatan card number: 13 digits' })
const FullNameSchema = Type.String({ minLength: 1, maxLength: 200 })

/** A patient registered at the front desk by a doctor or an admin. */
export const PatientRegistrationSchema = StrictObject({
  fullName: FullNameSchema,
  dateOfBirth: DateSchema,
  gender: Type.Optional(Type.Union([GenderSchema, Type.Null()])),
  phone: Type.Optional(NullableText(32)),
  address: Type.Optional(NullableText(500)),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
  nik: NikSchema,
  bpjsNumber: Type.Optional(Type.Union([BpjsNumberSchema, Type.Null()])),
  /** Register even though patients with a similar name and the same birth date exist (after checking them). */
  confirmDuplicates: Type.Optional(Type.Boolean()),
}, { examples: [{ fullName: 'Wayan Sudarma', dateOfBirth: '1958-11-03', gender: 'MALE', phone: '+62 813 5555 0101', nik: '3273010311580003', bpjsNumber: '0001234567890' }] })
export type PatientRegistration = Static<typeof PatientRegistrationSchema>

/** Intake search: exactly one way of finding a returning patient. */
export const IntakeSearchSchema = Type.Union([
  StrictObject({ mrn: Type.String({ minLength: 1, maxLength: 40 }) }),
  StrictObject({ nik: NikSchema }),
  StrictObject({ bpjsNumber: BpjsNumberSchema }),
  StrictObject({ fullName: FullNameSchema, dateOfBirth: DateSchema }),
], { examples: [{ nik: '3273010311580003' }, { fullName: 'Wayan Sudarma', dateOfBirth: '1958-11-03' }] })
export type IntakeSearch = Static<typeof IntakeSearchSchema>

export const ClaimCodeSchema = Type.Object({
  /** 12 characters of Crockford base32, shown as `XXXX-XXXX-XXXX`. */
  code: Type.String(),
  expiresAt: TimestampSchema,
})

export const ClaimSchema = StrictObject({
  /** Case-insensitive; dashes and spaces are ignored. */
  code: Type.String({ minLength: 1, maxLength: 40 }),
}, { examples: [{ code: '7K3M-Q9TX-2BHD' }] })

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
