import { conflict, notFound } from '@rekam/errors'
import type { FastifyBaseLogger } from 'fastify'
import type { UserRow } from '../db/schema.js'
import type { AfterAnswer } from '../lib/after-answer.js'
import type { ClientMeta } from '../lib/client-meta.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { EmailTokens } from './email-tokens.js'
import { countMailRequest, reserveAccountReset } from './mail-requests.js'
import type { Mail } from '../plugins/app/mail.js'
import type { RateLimitsRepository } from '../plugins/app/rate-limits-repository.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { UsersRepository } from '../plugins/app/users-repository.js'

/** A reset link works for 30 minutes: long enough to reach a slow mailbox, short for a leaked one. */
export const RESET_LINK_TTL_SECONDS = 30 * 60

export interface PasswordResetLinksDeps {
  db: AuthDb
  users: UsersRepository
  events: SecurityEventsRepository
  emailTokens: EmailTokens
  mail: Mail
  counters: RateLimitsRepository
  /** MAIL_REQUESTS_PER_ADDRESS: mails one address may be asked for per hour (reset and verification links together). */
  perAddress: number
  /** PASSWORD_RESETS_PER_ACCOUNT: reset links one account may be mailed on request per hour, whatever its address. */
  perAccount: number
  afterAnswer: AfterAnswer
  log: FastifyBaseLogger
  now: () => number
}

/** Accounts that get no link: blocked or deleted ones (and the answer to their requests says nothing of it). */
const canReset = (user: UserRow) => !user.blocked && user.deletedAt === null

/**
 * The first half of a password reset: a single-use link by mail. A request by the user answers
 * the same, in the same time, for every address: what depends on the account (finding it,
 * issuing the token, writing the mail) happens only after the answer is sent, so neither the
 * answer nor its time can tell whether the address has an account (OWASP Forgot Password Cheat
 * Sheet). Everything before the answer — mail configured, the limits — is the same for any address.
 */
export function createPasswordResetLinks (deps: PasswordResetLinksDeps) {
  const { db, users, events, emailTokens, mail, counters, afterAnswer, log, now } = deps

  /** Issues the token (voiding the account's older ones) and writes the mail, in the caller's transaction. */
  async function send (user: UserRow, meta: ClientMeta, tx: AuthDb, actorUserId: string | null): Promise<void> {
    const token = await emailTokens.issue(tx, { userId: user.id, purpose: 'PASSWORD_RESET', email: user.email, ttlSeconds: RESET_LINK_TTL_SECONDS })
    const expiresAt = new Date(now() + RESET_LINK_TTL_SECONDS * 1000)
    await mail.enqueue(tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'password-reset',
      params: { name: user.fullName ?? user.username, url: mail.link('/reset-password', token), validMinutes: RESET_LINK_TTL_SECONDS / 60, byAdmin: actorUserId !== null },
      expiresAt,
    })
    await events.record({ type: 'PASSWORD_RESET_REQUESTED', userId: user.id, actorUserId, reason: actorUserId ? 'admin' : 'self' }, meta, tx)
  }

  /** The account-dependent half of a user's request, after the answer. */
  async function sendIfKnown (email: string, meta: ClientMeta): Promise<void> {
    const user = await users.findByLogin({ email })
    if (!user || !canReset(user)) return
    if (!await reserveAccountReset(counters, user.id, deps.perAccount)) {
      log.info({ userId: user.id, requestId: meta.requestId }, 'password reset link not sent: the account had PASSWORD_RESETS_PER_ACCOUNT this hour')
      return
    }
    await db.transaction((tx) => send(user, meta, tx, null))
  }

  return {
    /**
     * A user's request for a link: 503 MAIL_UNAVAILABLE without mail, 429 past the address's
     * limit (MAIL_REQUESTS_PER_ADDRESS per hour, see mail-requests), otherwise resolves at once and the link goes
     * out right after, if the address has an account that can reset and that account was not
     * mailed PASSWORD_RESETS_PER_ACCOUNT links this hour (the answer is the same either way).
     */
    async request (email: string, meta: ClientMeta): Promise<void> {
      mail.assertAvailable()
      await countMailRequest(counters, email, deps.perAddress)
      afterAnswer.run(() => sendIfKnown(email, meta), { requestId: meta.requestId, failure: 'password reset request failed: no link sent' })
    },

    /**
     * An admin sends a user a link (ASVS 6.4.6: the admin never sees it): 503 MAIL_UNAVAILABLE,
     * 404 for an unknown or deleted user, 409 for a blocked one (unblock first).
     */
    async sendByAdmin (actorUserId: string, userId: string, meta: ClientMeta): Promise<UserRow> {
      mail.assertAvailable()
      const user = await users.findById(userId)
      if (!user || user.deletedAt !== null) throw notFound('User not found')
      if (user.blocked) throw conflict('A blocked account gets no reset link: unblock it first')
      await db.transaction((tx) => send(user, meta, tx, actorUserId))
      return user
    },
  }
}

export type PasswordResetLinks = ReturnType<typeof createPasswordResetLinks>
