import { authVerifyPlugin } from '@rekam/auth-verify'
import { createService, healthRoutes, metricsRoutes, noStore, type AppOptions } from '@rekam/server-kit'
import { checkConfig, ConfigSchema } from './config.js'
import accessTokens from './plugins/app/access-tokens.js'
import afterAnswer from './plugins/app/after-answer.js'
import accountDeletion from './plugins/app/account-deletion.js'
import accountSettings from './plugins/app/account-settings.js'
import credentials from './plugins/app/credentials.js'
import csrfGuard from './plugins/app/csrf-guard.js'
import db from './plugins/app/db.js'
import demoMode from './plugins/app/demo-mode.js'
import emailChange from './plugins/app/email-change.js'
import emailTokens from './plugins/app/email-tokens.js'
import emailTokensRepository from './plugins/app/email-tokens-repository.js'
import emailVerification from './plugins/app/email-verification.js'
import auditSealer from './plugins/app/audit-sealer.js'
import housekeeping from './plugins/app/housekeeping.js'
import mail from './plugins/app/mail.js'
import mailOutboxRepository from './plugins/app/mail-outbox-repository.js'
import mfa from './plugins/app/mfa.js'
import mfaFactorsRepository from './plugins/app/mfa-factors-repository.js'
import mfaTicketsRepository from './plugins/app/mfa-tickets-repository.js'
import notifications from './plugins/app/notifications.js'
import notificationsRepository from './plugins/app/notifications-repository.js'
import stepUp from './plugins/app/step-up.js'
import passwordCheck from './plugins/app/password-check.js'
import passwordReset from './plugins/app/password-reset.js'
import passwords from './plugins/app/passwords.js'
import sessionGuard from './plugins/app/session-guard.js'
import sessionLimits from './plugins/app/session-limits.js'
import sessionManager from './plugins/app/session-manager.js'
import cookie from './plugins/external/cookie.js'
import rateLimit from './plugins/external/rate-limit.js'
import rateLimitsRepository from './plugins/app/rate-limits-repository.js'
import refreshCookie from './plugins/app/refresh-cookie.js'
import refreshLimit from './plugins/app/refresh-limit.js'
import revocationsRepository from './plugins/app/revocations-repository.js'
import securityEventsRepository from './plugins/app/security-events-repository.js'
import sessionsRepository from './plugins/app/sessions-repository.js'
import setPasswordTokensRepository from './plugins/app/set-password-tokens-repository.js'
import signingKeys from './plugins/app/signing-keys.js'
import staffAccounts from './plugins/app/staff-accounts.js'
import userAdministration from './plugins/app/user-administration.js'
import usersRepository from './plugins/app/users-repository.js'
import webauthn from './plugins/app/webauthn.js'
import webauthnRepository from './plugins/app/webauthn-repository.js'
import accountRoutes from './routes/auth/account.js'
import accountDeletionRoutes from './routes/auth/account-deletion.js'
import credentialsRoutes from './routes/auth/credentials.js'
import emailConfirmRoutes from './routes/auth/email-confirm.js'
import emailVerificationRoutes from './routes/auth/email-verification.js'
import auditRoutes from './routes/auth/audit.js'
import eventsRoutes from './routes/auth/events.js'
import mfaEnrollmentRoutes from './routes/auth/mfa-enrollment.js'
import mfaFactorsRoutes from './routes/auth/mfa-factors.js'
import mfaSignInRoutes from './routes/auth/mfa-sign-in.js'
import mfaWebauthnRoutes from './routes/auth/mfa-webauthn.js'
import notificationsRoutes from './routes/auth/notifications.js'
import passkeyRoutes from './routes/auth/passkey.js'
import passwordResetRoutes from './routes/auth/password-reset.js'
import reauthenticateRoutes from './routes/auth/reauthenticate.js'
import sessionsRoutes from './routes/auth/sessions.js'
import internalRoutes from './routes/internal.js'
import usersRoutes from './routes/users/index.js'
import wellKnownRoutes from './routes/well-known.js'

export interface AuthAppOptions extends AppOptions {
  /** The clock in epoch ms of sessions, their limits, tickets and one-time codes: tests move it instead of waiting. */
  now?: (() => number) | undefined
}

export async function buildApp ({ now, ...serviceOptions }: AuthAppOptions = {}) {
  const app = await createService({
    ...serviceOptions,
    configSchema: ConfigSchema,
    checkConfig,
    docs: {
      title: 'rekam auth-service',
      version: '0.1.0',
      description: 'Users, sessions and tokens. Errors use the envelope { success: false, error: { code, message, details?, requestId } }.',
      routePrefix: '/api/auth/docs',
    },
  })

  // Third-party plugins that need none of ours (the rate limiter keeps its counters in our database: below).
  await app.register(cookie)

  // Our plugins.
  await app.register(db)
  await app.register(signingKeys)
  await app.register(passwords)
  await app.register(usersRepository)
  await app.register(sessionsRepository)
  await app.register(securityEventsRepository)
  await app.register(revocationsRepository)
  await app.register(rateLimitsRepository)
  await app.register(setPasswordTokensRepository)
  await app.register(mfaFactorsRepository)
  await app.register(mfaTicketsRepository)
  await app.register(webauthnRepository)
  await app.register(mailOutboxRepository)
  await app.register(emailTokensRepository)
  await app.register(notificationsRepository)
  await app.register(rateLimit)
  await app.register(passwordCheck)
  // Mail and what sends it come before the services that tell users of changes (notifications).
  await app.register(mail, { now })
  await app.register(emailTokens, { now })
  await app.register(notifications, { now })
  await app.register(accessTokens, { now })
  await app.register(sessionLimits, { now })
  await app.register(sessionManager, { now })
  await app.register(mfa, { now })
  await app.register(webauthn, { now })
  await app.register(afterAnswer)
  await app.register(emailVerification, { now })
  await app.register(refreshLimit)
  await app.register(refreshCookie)
  await app.register(csrfGuard)
  await app.register(credentials)
  await app.register(accountSettings)
  await app.register(userAdministration)
  await app.register(staffAccounts, { now })
  await app.register(passwordReset, { now })
  await app.register(emailChange, { now })
  await app.register(accountDeletion, { now })
  await app.register(authVerifyPlugin, {
    issuer: app.config.JWT_ISSUER,
    audience: app.config.JWT_AUDIENCE,
    keys: () => app.signingKeys.keys().verifyKeys,
    now,
  })
  await app.register(sessionGuard)
  await app.register(stepUp, { now })
  await app.register(auditSealer, { now })
  await app.register(housekeeping)
  await app.register(demoMode)

  // Routes. Tokens and personal data are never kept by caches, even on errors: the credential
  // routes and every route needing a live session answer no-store.
  await app.register(async function credentialRoutes (api) {
    api.addHook('onRequest', noStore)
    await api.register(credentialsRoutes, { prefix: '/api/auth' })
    await api.register(mfaSignInRoutes, { prefix: '/api/auth' })
    await api.register(passkeyRoutes, { prefix: '/api/auth' })
    await api.register(passwordResetRoutes, { prefix: '/api/auth' })
    await api.register(emailVerificationRoutes, { prefix: '/api/auth' })
    // Enrolment takes a bearer or, right after a sign-in that requires it, an enrolment ticket.
    await api.register(mfaEnrollmentRoutes, { prefix: '/api/auth' })
    await api.register(mfaWebauthnRoutes, { prefix: '/api/auth' })
    // The link mailed to a new address may be opened on another device, without a session.
    await api.register(emailConfirmRoutes, { prefix: '/api/auth' })
  })
  await app.register(async function authenticatedRoutes (api) {
    api.addHook('onRequest', noStore)
    api.addHook('onRequest', api.authenticateSession)
    await api.register(accountRoutes, { prefix: '/api/auth' })
    await api.register(accountDeletionRoutes, { prefix: '/api/auth' })
    await api.register(notificationsRoutes, { prefix: '/api/auth', now })
    await api.register(sessionsRoutes, { prefix: '/api/auth' })
    await api.register(eventsRoutes, { prefix: '/api/auth' })
    await api.register(auditRoutes, { prefix: '/api/auth' })
    await api.register(mfaFactorsRoutes, { prefix: '/api/auth' })
    await api.register(reauthenticateRoutes, { prefix: '/api/auth' })
    await api.register(usersRoutes, { prefix: '/api/users' })
  })
  // Public keys and internal endpoints set their own cache headers.
  await app.register(wellKnownRoutes)
  if (app.config.INTERNAL_SECRET) {
    await app.register(internalRoutes, { prefix: '/internal', secret: app.config.INTERNAL_SECRET })
    await app.register(metricsRoutes, {
      prefix: '/internal',
      secret: app.config.INTERNAL_SECRET,
      gauges: {
        rekam_password_hash_threads: { help: 'Worker threads hashing passwords', read: () => app.passwords.hasher.threads },
        rekam_password_hash_queued: { help: 'Password hashes waiting for a thread', read: () => app.passwords.hasher.queued },
      },
    })
  }
  await app.register(healthRoutes, {
    ready: async () => {
      await Promise.all([app.database.ping(), app.redis?.ping()])
    },
  })

  return app
}

export type AuthApp = Awaited<ReturnType<typeof buildApp>>
