import { EmailSchema, StrictObject, Type, type Static } from '@rekam/schemas'
import { PasswordSchema } from './auth.js'
import { AnyCodeSchema, TotpCodeSchema } from './mfa.js'
import { AuthenticationResponseSchema, EXAMPLE_ASSERTION } from './webauthn.js'

/** The #token=... part of a reset link: 43 base64url characters as issued, a little room either side. */
const ResetTokenSchema = Type.String({ minLength: 20, maxLength: 256, description: 'The #token=... part of the reset link' })

/** For the documents' examples: a token's shape (it is no token of ours). */
const EXAMPLE_TOKEN = 'Zx8vQ2mK7pL4sN9wR1yB6cF3hJ0dG5eA8uT2iO7kV4q'

export const PasswordResetRequestSchema = StrictObject({
  email: EmailSchema,
}, { examples: [{ email: 'andi@rekam.local' }] })
export type PasswordResetRequest = Static<typeof PasswordResetRequestSchema>

/** The second factor a reset of an account that has one needs, proved as at a sign-in's second step. */
export const ResetFactorSchema = Type.Union([
  StrictObject({ type: Type.Literal('totp'), code: TotpCodeSchema }),
  StrictObject({ type: Type.Literal('recovery_code'), code: AnyCodeSchema }),
  StrictObject({ type: Type.Literal('webauthn'), response: AuthenticationResponseSchema }),
], { description: 'Needed when the account has a second factor (403 SECOND_FACTOR_REQUIRED lists its methods): an authenticator code, an unused recovery code, or a passkey assertion made with the options of POST /api/auth/password-reset/webauthn-options' })
export type ResetFactor = Static<typeof ResetFactorSchema>

export const PasswordResetConfirmSchema = StrictObject({
  token: ResetTokenSchema,
  newPassword: PasswordSchema,
  factor: Type.Optional(ResetFactorSchema),
}, {
  examples: [
    { token: EXAMPLE_TOKEN, newPassword: 'velvet harbor quartz nineteen' },
    { token: EXAMPLE_TOKEN, newPassword: 'velvet harbor quartz nineteen', factor: { type: 'totp', code: '492039' } },
    { token: EXAMPLE_TOKEN, newPassword: 'velvet harbor quartz nineteen', factor: { type: 'webauthn', response: EXAMPLE_ASSERTION } },
  ],
})
export type PasswordResetConfirm = Static<typeof PasswordResetConfirmSchema>

export const PasswordResetTokenBodySchema = StrictObject({
  token: ResetTokenSchema,
}, { examples: [{ token: EXAMPLE_TOKEN }] })
