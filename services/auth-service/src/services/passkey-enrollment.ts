import { conflict, isUniqueViolation, mfaCodeInvalid, mfaTicketInvalid } from '@rekam/errors'
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server'
import type { ClientMeta } from '../lib/client-meta.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { WebauthnRepository } from '../plugins/app/webauthn-repository.js'
import type { Confirmed, Enroller, MfaEnrollment } from './mfa-enrollment.js'
import type { MfaTickets } from './mfa-tickets.js'
import type { WebauthnCeremonies } from './webauthn-ceremonies.js'

export interface PasskeyEnrollmentDeps {
  db: AuthDb
  enrollment: MfaEnrollment
  ceremonies: WebauthnCeremonies
  repository: WebauthnRepository
  tickets: MfaTickets
  now: () => number
}

/** The RFC 8176 methods a passkey proves: a hardware key, and the user when it verified them. */
export const passkeyAmr = (userVerified: boolean) => (userVerified ? ['hwk', 'user'] : ['hwk'])

/**
 * Registering passkeys, by a signed-in user or with an enrolment ticket, as many as a user
 * wants. A registration verified is an active factor at once; the rest (event, recovery codes,
 * signing in with a ticket) is what any first factor brings (mfa-enrollment).
 */
export function createPasskeyEnrollment ({ db, enrollment, ceremonies, repository, tickets, now }: PasskeyEnrollmentDeps) {
  return {
    async options (enroller: Enroller): Promise<PublicKeyCredentialCreationOptionsJSON> {
      return ceremonies.registrationOptions(await enrollment.userOf(enroller))
    },

    /**
     * Verifies the authenticator's answer to the options and stores the passkey. Throws 401
     * MFA_TICKET_INVALID, 403 MFA_CODE_INVALID (a response that does not verify; it counts on the
     * ticket) or 409 (a credential already registered).
     */
    async verify (enroller: Enroller, response: unknown, name: string | undefined, meta: ClientMeta): Promise<Confirmed> {
      const user = await enrollment.userOf(enroller)
      try {
        const result = await db.transaction(async (tx) => {
          const ticket = 'ticket' in enroller ? await tickets.lockLive(enroller.ticket, 'enroll', tx) : undefined
          if ('ticket' in enroller && !ticket) return { error: mfaTicketInvalid() }
          const verified = await ceremonies.verifyRegistration(user, response, tx)
          if (!verified) {
            if (ticket) await tickets.fail(ticket, tx)
            return { error: mfaCodeInvalid() }
          }
          const { userVerified, ...credential } = verified
          const factor = await repository.create({ ...credential, userId: user.id, name: name ?? 'Passkey', confirmedAt: new Date(now()) }, tx)
          return { confirmed: await enrollment.welcome(user, enroller, ticket, factor.id, 'webauthn', passkeyAmr(userVerified), meta, tx) }
        })
        if ('error' in result) throw result.error
        return result.confirmed
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('This passkey is already registered')
        throw err
      }
    },
  }
}

export type PasskeyEnrollment = ReturnType<typeof createPasskeyEnrollment>
