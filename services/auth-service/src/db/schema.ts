import { auditSeals } from '@rekam/db'
import { emailTokens, mailOutbox, notifications } from './schema/mail.js'
import { mfaFactors, mfaTickets, recoveryCodes, webauthnChallenges } from './schema/mfa.js'
import { rateLimits } from './schema/rate-limits.js'
import { securityEventClients, securityEvents } from './schema/security-events.js'
import { refreshTokens, revocations, sessions } from './schema/sessions.js'
import { signingKeys } from './schema/signing-keys.js'
import { setPasswordTokens, users } from './schema/users.js'

/**
 * The auth-service schema, one module per area under `schema/`; this index is what the service,
 * its tests and drizzle.config.ts (`schema`) import.
 */
export * from './schema/users.js'
export * from './schema/sessions.js'
export * from './schema/security-events.js'
export * from './schema/signing-keys.js'
export * from './schema/rate-limits.js'
export * from './schema/mfa.js'
export * from './schema/mail.js'
export { auditSeals }
export const schema = {
  users,
  sessions,
  refreshTokens,
  securityEvents,
  securityEventClients,
  auditSeals,
  revocations,
  signingKeys,
  rateLimits,
  setPasswordTokens,
  mfaFactors,
  recoveryCodes,
  mfaTickets,
  webauthnChallenges,
  mailOutbox,
  emailTokens,
  notifications,
}
export type AuthSchema = typeof schema
