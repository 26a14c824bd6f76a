import { RoleSchema } from '@rekam/auth-verify'
import type { UserRow } from '../db/schema.js'
import { EmailSchema, PaginationQuerySchema, StrictObject, TimestampSchema, Type, UuidSchema, type Static } from '@rekam/schemas'

export const UsernameSchema = Type.String({
  minLength: 3,
  maxLength: 32,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$',
  description: 'Letters, digits, dot, dash and underscore; case-insensitive',
})

export const FullNameSchema = Type.String({ minLength: 1, maxLength: 200 })

/** The language of the user's mail and portal: Bahasa Indonesia (the default) or English. */
export const LocaleSchema = Type.Union([Type.Literal('id'), Type.Literal('en')], { description: 'id (Bahasa Indonesia) or en' })
export type Locale = Static<typeof LocaleSchema>

/** What the API says about a user. The password hash has no place here, so it can never leak. */
export const UserSchema = Type.Object({
  id: UuidSchema,
  username: Type.String(),
  email: Type.String(),
  fullName: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  blocked: Type.Boolean(),
  /** The owner opened the link mailed to the address (accounts older than verification count as verified). */
  emailVerified: Type.Boolean(),
  locale: LocaleSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
}, { $id: 'User' })
export type User = Static<typeof UserSchema>

/** A users row as the API shows it: listed fields only, so a new column never leaks by default. */
export function toUser (row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    fullName: row.fullName,
    role: row.role,
    blocked: row.blocked,
    emailVerified: row.emailVerifiedAt !== null,
    locale: row.locale,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export const UserListQuerySchema = StrictObject({
  ...PaginationQuerySchema.properties,
  search: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Matches username, email or full name' })),
  role: Type.Optional(RoleSchema),
  blocked: Type.Optional(Type.Boolean()),
})
export type UserListQuery = Static<typeof UserListQuerySchema>

export const UserUpdateSchema = StrictObject({
  role: Type.Optional(RoleSchema),
  blocked: Type.Optional(Type.Boolean()),
}, { minProperties: 1, examples: [{ role: 'DOCTOR' }] })
export type UserUpdate = Static<typeof UserUpdateSchema>

/** The roles an admin gives a new account; PATIENTs register themselves. */
export const StaffRoleSchema = Type.Union([Type.Literal('DOCTOR'), Type.Literal('ADMIN')])

export const NewStaffAccountSchema = StrictObject({
  username: UsernameSchema,
  email: EmailSchema,
  fullName: FullNameSchema,
  role: StaffRoleSchema,
}, { examples: [{ username: 'dr.rina', email: 'rina@clinic.example', fullName: 'dr. Rina Wijaya', role: 'DOCTOR' }] })
export type NewStaffAccount = Static<typeof NewStaffAccountSchema>

export const SetPasswordLinkSchema = Type.Object({
  url: Type.String({ description: 'Open once to choose the password; the token is in the fragment (#token=...)' }),
  expiresAt: TimestampSchema,
})

export const StaffInviteResultSchema = Type.Object({
  user: UserSchema,
  setPasswordLink: SetPasswordLinkSchema,
})
