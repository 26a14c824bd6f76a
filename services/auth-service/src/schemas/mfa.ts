import { StrictObject, TimestampSchema, Type, UuidSchema, type Static } from '@rekam/schemas'
import type { MfaFactorSummary } from '../plugins/app/mfa-factors-repository.js'
import { DeliveredTokensSchema, TokenDeliverySchema } from './auth.js'
import { UserSchema } from './user.js'

/** 43 base64url characters (256 bits) as issued; a little room either side for nothing else. */
export const TicketSchema = Type.String({ minLength: 20, maxLength: 256, description: 'The ticket a sign-in answered with (single use, 5 minutes)' })

/** Six digits, as an authenticator app shows them (spaces are not accepted). */
export const TotpCodeSchema = Type.String({ pattern: '^[0-9]{6}$', description: 'The six digits the authenticator app shows' })
/** A recovery code as shown (groups of four) or typed without dashes. */
export const AnyCodeSchema = Type.String({ minLength: 6, maxLength: 64, description: 'A TOTP code (6 digits) or a recovery code' })

export const MfaMethodSchema = Type.Union([Type.Literal('totp'), Type.Literal('recovery_code'), Type.Literal('webauthn')])

const FactorNameSchema = Type.String({ minLength: 1, maxLength: 64, description: 'A name to tell factors apart ("Phone", "YubiKey")' })

export const MfaFactorSchema = Type.Object({
  id: UuidSchema,
  type: Type.Union([Type.Literal('totp'), Type.Literal('webauthn')]),
  name: Type.String(),
  createdAt: TimestampSchema,
  lastUsedAt: Type.Union([TimestampSchema, Type.Null()]),
})
export type MfaFactor = Static<typeof MfaFactorSchema>

/** A factor as the API shows it: never its secret or key material. */
export function toMfaFactor (factor: MfaFactorSummary): MfaFactor {
  return { id: factor.id, type: factor.type, name: factor.name, createdAt: factor.createdAt.toISOString(), lastUsedAt: factor.lastUsedAt?.toISOString() ?? null }
}

export const RecoveryCodesSchema = Type.Array(Type.String(), { description: 'Ten single-use codes, shown only this once: keep them somewhere safe' })

export const MfaChallengeSchema = Type.Object({
  mfaRequired: Type.Literal(true),
  ticket: Type.String(),
  methods: Type.Array(MfaMethodSchema, { description: 'What this user can prove the second step with' }),
  expiresIn: Type.Integer({ description: 'Seconds the ticket lives' }),
}, { description: 'The password was right and a second factor must follow: POST /api/auth/mfa/verify with the ticket' })

export const MfaEnrollmentRequiredSchema = Type.Object({
  mfaEnrollmentRequired: Type.Literal(true),
  ticket: Type.String(),
  methods: Type.Array(MfaMethodSchema, { description: 'The factors that can be enrolled' }),
  expiresIn: Type.Integer({ description: 'Seconds the ticket lives' }),
}, { description: 'The password was right, the role requires a second factor and the user has none: enrol one with this ticket instead of a bearer (POST /api/auth/mfa/totp, then /mfa/totp/confirm, which signs in)' })

export const SignedInSchema = Type.Object({ user: UserSchema, tokens: DeliveredTokensSchema })

/** For the documents' examples: a ticket's shape (43 base64url characters). */
const EXAMPLE_TICKET = 'q3Vh8Yt2c1Jm0ZkWfR9xLs4PbN7eUoGdHiAaBcDeFgH'

export const MfaVerifyBodySchema = StrictObject({
  ticket: TicketSchema,
  method: MfaMethodSchema,
  code: Type.Optional(AnyCodeSchema),
  response: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'The WebAuthn assertion (method webauthn)' })),
  tokenDelivery: Type.Optional(TokenDeliverySchema),
}, { examples: [{ ticket: EXAMPLE_TICKET, method: 'totp', code: '123456' }, { ticket: EXAMPLE_TICKET, method: 'recovery_code', code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567' }] })
export type MfaVerifyBody = Static<typeof MfaVerifyBodySchema>

export const TotpStartBodySchema = StrictObject({
  name: Type.Optional(FactorNameSchema),
  ticket: Type.Optional(TicketSchema),
}, { examples: [{ name: 'Phone' }, { ticket: EXAMPLE_TICKET }] })

export const TotpStartResultSchema = Type.Object({
  factorId: UuidSchema,
  secret: Type.String({ description: 'Base32; shown only now, for typing into an app that cannot scan the QR code' }),
  otpauthUri: Type.String({ description: 'The otpauth:// URI to show as a QR code' }),
})

export const TotpConfirmBodySchema = StrictObject({
  factorId: UuidSchema,
  code: TotpCodeSchema,
  ticket: Type.Optional(TicketSchema),
  tokenDelivery: Type.Optional(TokenDeliverySchema),
}, { examples: [{ factorId: '0b6f9a52-3c1e-4d8a-9f27-5e4c3b2a1d0f', code: '123456' }] })

export const TotpConfirmResultSchema = Type.Object({
  factor: MfaFactorSchema,
  recoveryCodes: Type.Optional(RecoveryCodesSchema),
  user: Type.Optional(UserSchema),
  tokens: Type.Optional(DeliveredTokensSchema),
}, { description: 'recoveryCodes with the account\'s first factor; user and tokens when an enrolment ticket signed in' })

export const FactorListSchema = Type.Object({
  items: Type.Array(MfaFactorSchema),
  recoveryCodesLeft: Type.Integer(),
})
