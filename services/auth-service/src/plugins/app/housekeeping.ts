import { scheduleJobs, type Job } from '@rekam/server-kit'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

/** Each instance re-reads the database's signing keys this often, so a rotation reaches all of them. */
const KEY_RELOAD_MS = 10_000

/** Set-password links are few and kept for days after they expire: an hourly sweep is plenty. */
const SET_PASSWORD_PURGE_MS = 3_600_000

/** Unanswered passkey challenges are small rows: a sweep every ten minutes keeps the table short. */
const WEBAUTHN_PURGE_MS = 600_000

/** Due mail (retries, and mail whose kick was lost to a crash) is looked for this often. */
const MAIL_SEND_MS = 5_000

/** Sent mail and used links are kept for days (their secrets already erased): hourly sweeps. */
const MAIL_PURGE_MS = 3_600_000

/**
 * Accounts whose deletion cooling-off period ended are erased within the hour: the period is
 * counted in days, and each run is a cheap query when nothing is due.
 */
const ACCOUNT_ERASURE_MS = 3_600_000

/**
 * Every periodic job of the service, scheduled in one place and stopped when the server closes;
 * the modules that own the data expose the jobs (scheduleJobs: a failed run is logged, the next
 * one tries again).
 */
async function housekeepingPlugin (fastify: FastifyInstance) {
  const {
    config, sessionsRepository, revocationsRepository, rateLimitsRepository, setPasswordTokensRepository, webauthnRepository, signingKeys,
    mail, mailSender, mailOutboxRepository, emailTokensRepository, accountDeletion, auditSealer,
  } = fastify
  // Sealed successors are erased within about one grace interval after it ends.
  const purgeMs = Math.max(config.REFRESH_GRACE_SECONDS, 5) * 1000
  const jobs: Job[] = [
    { everyMs: purgeMs, run: () => sessionsRepository.purge(config.REFRESH_GRACE_SECONDS), failure: 'refresh token purge failed' },
    { everyMs: purgeMs, run: () => revocationsRepository.purge(), failure: 'revocation purge failed' },
    { everyMs: purgeMs, run: () => rateLimitsRepository.purge(), failure: 'rate-limit counter purge failed' },
    { everyMs: SET_PASSWORD_PURGE_MS, run: () => setPasswordTokensRepository.purge(), failure: 'set-password link purge failed' },
    // Passkey challenges nobody came back for: each lives five minutes.
    { everyMs: WEBAUTHN_PURGE_MS, run: () => webauthnRepository.purge(), failure: 'passkey challenge purge failed' },
    { everyMs: MAIL_PURGE_MS, run: () => mailOutboxRepository.purge(), failure: 'mail outbox purge failed' },
    { everyMs: MAIL_PURGE_MS, run: () => emailTokensRepository.purge(), failure: 'email token purge failed' },
    // The right to erasure (docs/account-deletion.md); also callable directly (tests move the clock).
    {
      everyMs: ACCOUNT_ERASURE_MS,
      run: async () => {
        const erased = await accountDeletion.eraseDue()
        if (erased > 0) fastify.log.info({ erased }, 'accounts erased after their deletion cooling-off period')
      },
      failure: 'account erasure failed; the next run tries again',
    },
  ]
  // The security events' pending rows (docs/audit-trail.md); every instance may run it: the
  // sealer takes a per-trail advisory lock, and a run that finds nothing writes nothing.
  jobs.push({ everyMs: config.AUDIT_SEAL_INTERVAL * 1000, run: () => auditSealer.seal(), failure: 'audit trail sealing failed; the next run tries again' })
  if (mail.available) {
    jobs.push({ everyMs: MAIL_SEND_MS, run: () => mailSender.deliverDue(), failure: 'mail delivery run failed' })
  }
  // Keys from the environment or a file change only with a restart.
  if (signingKeys.source === 'database') {
    jobs.push({ everyMs: KEY_RELOAD_MS, run: () => signingKeys.reload(), failure: 'signing keys reload failed; keeping the current ones' })
  }

  scheduleJobs(fastify, jobs)
}

export default fp(housekeepingPlugin, {
  name: 'housekeeping',
  dependencies: [
    'sessions-repository', 'revocations-repository', 'rate-limits-repository', 'set-password-tokens-repository', 'webauthn-repository', 'signing-keys',
    'mail', 'mail-outbox-repository', 'email-tokens-repository', 'account-deletion', 'audit-sealer',
  ],
})
