import { EmailSchema, StrictObject, Type, type Static } from '@rekam/schemas'
import { FullNameSchema, UserSchema, UsernameSchema } from './user.js'

/** Length in characters; the 72-byte bcrypt limit is checked in bytes by the password manager. */
export const PasswordSchema = Type.String({ minLength: 8, maxLength: 72 })

/** Any password a user may type at login: never rejected for policy, only for size. */
const LoginPasswordSchema = Type.String({ minLength: 1, maxLength: 1024 })

export const RefreshTokenValueSchema = Type.String({ minLength: 20, maxLength: 256 })

export const RegisterBodySchema = StrictObject({
  username: UsernameSchema,
  email: EmailSchema,
  password: PasswordSchema,
  fullName: Type.Optional(FullNameSchema),
})
export type RegisterBody = Static<typeof RegisterBodySchema>

export const LoginBodySchema = StrictObject({
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
  email: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
  password: LoginPasswordSchema,
}, {
  description: 'Give either username or email (not both).',
  oneOf: [{ required: ['username'] }, { required: ['email'] }],
})
export type LoginBody = Static<typeof LoginBodySchema>

export const RefreshBodySchema = StrictObject({ refreshToken: RefreshTokenValueSchema })
export type RefreshBody = Static<typeof RefreshBodySchema>

export const LogoutBodySchema = StrictObject({
  refreshToken: RefreshTokenValueSchema,
  scope: Type.Optional(Type.Union([Type.Literal('current'), Type.Literal('others'), Type.Literal('all')], {
    description: 'current (default): this session; others: every other session of the user; all: every session',
  })),
})
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
}, { minProperties: 1, description: 'Changing the email requires currentPassword.' })
export type ProfileUpdate = Static<typeof ProfileUpdateSchema>

export const ChangePasswordSchema = StrictObject({
  currentPassword: LoginPasswordSchema,
  newPassword: PasswordSchema,
})
export type ChangePassword = Static<typeof ChangePasswordSchema>
