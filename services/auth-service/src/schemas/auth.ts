import { validationError } from '@rekam/errors'
import { EmailSchema, StrictObject, Type, type Static } from '@rekam/schemas'
import type { FastifySchemaValidationError } from 'fastify/types/schema.js'
import { FullNameSchema, UserSchema, UsernameSchema } from './user.js'

/** Length in characters; the 72-byte bcrypt limit is checked in bytes by the password manager. */
export const PasswordSchema = Type.String({ minLength: 8, maxLength: 72 })

/** Any password a user may type at login: never rejected for policy, only for size. */
const LoginPasswordSchema = Type.String({ minLength: 1, maxLength: 1024 })

export const RefreshTokenValueSchema = Type.String({ minLength: 20, maxLength: 256 })

/** The shape of a refresh token (43 base64url characters), for the documents' examples. */
const EXAMPLE_REFRESH_TOKEN = 'mQ3vT8xK2pL9sN4wR7yB1cF6hJ0dG5eA8uZ3iO2kV7q'

export const RegisterBodySchema = StrictObject({
  username: UsernameSchema,
  email: EmailSchema,
  password: PasswordSchema,
  fullName: Type.Optional(FullNameSchema),
}, { examples: [{ username: 'andi.wijaya', email: 'andi.wijaya@example.com', password: 'correct-horse-battery', fullName: 'Andi Wijaya' }] })
export type RegisterBody = Static<typeof RegisterBodySchema>

export const LoginBodySchema = StrictObject({
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
  email: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
  password: LoginPasswordSchema,
}, {
  description: 'Give either username or email (not both).',
  oneOf: [{ required: ['username'] }, { required: ['email'] }],
  // A demo account (DESIGN.md): in demo mode the example signs in.
  examples: [{ email: 'andi@rekam.local', password: 'patient-demo-123' }],
})
export type LoginBody = Static<typeof LoginBodySchema>

/**
 * The login body's validation message: a missing or doubled name or a missing password says
 * what to send (the details still list the schema's findings); other faults keep their own.
 */
export function loginValidationError (errors: FastifySchemaValidationError[], dataVar: string): Error {
  const shape = errors.some((e) => e.keyword === 'oneOf' || (e.keyword === 'required' && e.instancePath === ''))
  return shape
    ? validationError('Give username or email (not both), and password')
    : new Error(`${dataVar}${errors[0]?.message ? ` ${errors[0].message}` : ''}`)
}

export const RefreshBodySchema = StrictObject({ refreshToken: RefreshTokenValueSchema }, { examples: [{ refreshToken: EXAMPLE_REFRESH_TOKEN }] })
export type RefreshBody = Static<typeof RefreshBodySchema>

export const LogoutBodySchema = StrictObject({
  refreshToken: RefreshTokenValueSchema,
  scope: Type.Optional(Type.Union([Type.Literal('current'), Type.Literal('others'), Type.Literal('all')], {
    description: 'current (default): this session; others: every other session of the user; all: every session',
  })),
}, { examples: [{ refreshToken: EXAMPLE_REFRESH_TOKEN, scope: 'current' }] })
export type LogoutBody = Static<typeof LogoutBodySchema>

export const TokensSchema = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  /** Seconds until the access token expires. */
  expiresIn: Type.Integer(),
  /** Seconds until the refresh token expires. */
  refreshExpiresIn: Type.Integer(),
})
export type Tokens = Static<typeof TokensSchema>

export const AuthResultSchema = Type.Object({ user: UserSchema, tokens: TokensSchema })

export const ProfileUpdateSchema = StrictObject({
  fullName: Type.Optional(Type.Union([FullNameSchema, Type.Null()])),
  email: Type.Optional(EmailSchema),
  currentPassword: Type.Optional(LoginPasswordSchema),
}, {
  minProperties: 1,
  description: 'Changing the email requires currentPassword.',
  examples: [{ fullName: 'Andi Wijaya' }],
})
export type ProfileUpdate = Static<typeof ProfileUpdateSchema>

export const SetPasswordBodySchema = StrictObject({
  token: Type.String({ minLength: 20, maxLength: 256, description: 'The #token=... part of the set-password link' }),
  password: PasswordSchema,
}, { examples: [{ token: 'qELXyLc-Jl6dcfg10I1vLmOoq9WhUog4JPDg5UKsyH0', password: 'velvet harbor quartz nineteen' }] })
export type SetPasswordBody = Static<typeof SetPasswordBodySchema>

export const ChangePasswordSchema = StrictObject({
  currentPassword: LoginPasswordSchema,
  newPassword: PasswordSchema,
}, { examples: [{ currentPassword: 'patient-demo-123', newPassword: 'lantern-orbit-mango-42' }] })
export type ChangePassword = Static<typeof ChangePasswordSchema>
