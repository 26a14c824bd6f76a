import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { mfaRequiredRoles } from '../../config.js'
import { relyingParty } from '../../lib/relying-party.js'
import { createPasskeyEnrollment, passkeyAmr, type PasskeyEnrollment } from '../../services/passkey-enrollment.js'
import { createPasskeySignIn, type PasskeySignIn } from '../../services/passkey-sign-in.js'
import { createWebauthnCeremonies, type WebauthnCeremonies } from '../../services/webauthn-ceremonies.js'

export interface Webauthn {
  ceremonies: WebauthnCeremonies
  enrollment: PasskeyEnrollment
  signIn: PasskeySignIn
}

declare module 'fastify' {
  interface FastifyInstance {
    webauthn: Webauthn
  }
}

export interface WebauthnOptions {
  /** The clock in epoch ms (challenge expiry, last use); tests move it instead of waiting. */
  now?: (() => number) | undefined
}

/**
 * Passkeys: registration, the second factor (its check joins the proofs registry, so /mfa/verify
 * and /reauthenticate take method webauthn), and sign-in with a passkey alone.
 * @see https://www.w3.org/TR/webauthn-3/
 */
export default fp<WebauthnOptions>(async function webauthnPlugin (fastify: FastifyInstance, opts) {
  const now = opts.now ?? Date.now
  const { mfa, webauthnRepository: repository } = fastify
  const ceremonies = createWebauthnCeremonies({ repository, rp: relyingParty(fastify.config), requiredRoles: mfaRequiredRoles(fastify.config), now })

  mfa.proofs.register('webauthn', async (user, { response }, tx) => {
    const asserted = await ceremonies.verifyAssertion(response, { user, requireUserVerification: ceremonies.uvRequired(user) }, tx)
    return asserted ? passkeyAmr(asserted.userVerified) : undefined
  })

  fastify.decorate('webauthn', {
    ceremonies,
    enrollment: createPasskeyEnrollment({ db: fastify.db, enrollment: mfa.enrollment, ceremonies, repository, tickets: mfa.tickets, now }),
    signIn: createPasskeySignIn({
      db: fastify.db,
      users: fastify.usersRepository,
      events: fastify.securityEventsRepository,
      passwordCheck: fastify.passwordCheck,
      sessionManager: fastify.sessionManager,
      ceremonies,
      repository,
      emailVerificationRequired: fastify.config.EMAIL_VERIFICATION === 'required',
    }),
  })
}, { name: 'webauthn', dependencies: ['mfa', 'webauthn-repository', 'users-repository', 'security-events-repository', 'password-check', 'session-manager'] })
