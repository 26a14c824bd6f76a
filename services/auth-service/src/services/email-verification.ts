import { emailTokenInvalid } from '@rekam/errors'
import type { UserRow } from '../db/schema.js'
import type { AfterAnswer } from '../lib/after-answer.js'
import type { ClientMeta } from '../lib/client-meta.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { Mail } from '../plugins/app/mail.js'
import type { RateLimitsRepository } from '../plugins/app/rate-limits-repository.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { UsersRepository } from '../plugins/app/users-repository.js'
import type { EmailTokens } from './email-tokens.js'
import { countMailRequest } from './mail-requests.js'

/** A verification link works a day: long enough to find the mail, short enough to matter little if it leaks. */
export const VERIFY_EMAIL_TTL_SECONDS = 24 * 3600

export interface EmailVerificationDeps {
  db: AuthDb
  users: UsersRepository
  events: SecurityEventsRepository
  mail: Mail
  tokens: EmailTokens
  counters: RateLimitsRepository
  afterAnswer: AfterAnswer
  /** EMAIL_VERIFICATION=required: no session for an unverified address. */
  required: boolean
  /** Mails per address per hour on request (MAIL_REQUESTS_PER_ADDRESS). */
  perAddress: number
  now: () => number
}

/**
 * Proving an address: a single-use link by mail at registration (and on request), opened in the
 * portal's /verify-email page. Whether the address is verified is only ever told to its owner.
 */
export function createEmailVerification (deps: EmailVerificationDeps) {
  const { db, users, events, mail, tokens, counters, afterAnswer, required, perAddress, now } = deps

  /** A new link for the account's current address (older ones stop working), in the caller's transaction. */
  async function sendLink (tx: AuthDb, user: UserRow): Promise<boolean> {
    if (!mail.available) return false
    const token = await tokens.issue(tx, { userId: user.id, purpose: 'VERIFY_EMAIL', email: user.email, ttlSeconds: VERIFY_EMAIL_TTL_SECONDS })
    return mail.enqueue(tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'verify-email',
      params: { name: user.fullName ?? user.username, url: mail.link('/verify-email', token), validHours: VERIFY_EMAIL_TTL_SECONDS / 3600 },
      expiresAt: new Date(now() + VERIFY_EMAIL_TTL_SECONDS * 1000),
    })
  }

  return {
    required,
    sendLink,

    /** True when the user may not open a session yet (verification required, address unverified). */
    blocks: (user: Pick<UserRow, 'emailVerifiedAt'>): boolean => required && user.emailVerifiedAt === null,

    /**
     * Uses a verification link: the address is verified if it is still the account's. Throws
     * 400 EMAIL_TOKEN_INVALID for an unknown, used, expired or outdated link (nothing changes then).
     */
    async verify (token: string, meta: ClientMeta): Promise<UserRow> {
      return db.transaction(async (tx) => {
        const row = await tokens.consume(tx, token, 'VERIFY_EMAIL')
        const user = row && await users.markEmailVerified(tx, row.userId, row.email, new Date(now()))
        if (!user) throw emailTokenInvalid()
        await tokens.voidAll(tx, user.id, 'VERIFY_EMAIL')
        await events.record({ type: 'EMAIL_VERIFIED', userId: user.id }, meta, tx)
        return user
      })
    },

    /**
     * A new link for an unverified account, found by the signed-in user or by address. Answers
     * alike, in the same time, whether or not the address has an account (or is verified
     * already): the same checks and counts run for every address, and finding the account by
     * address happens after the answer. 503 MAIL_UNAVAILABLE without SMTP, 429 past the limits.
     */
    async resend (who: { user: UserRow } | { email: string }, requestId: string): Promise<void> {
      mail.assertAvailable()
      const email = 'user' in who ? who.user.email : who.email.toLowerCase()
      await countMailRequest(counters, email, perAddress)
      const send = () => db.transaction(async (tx) => {
        const user = 'user' in who ? await users.findById(who.user.id, tx) : await users.findByLogin({ email }, tx)
        if (user && user.emailVerifiedAt === null && !user.blocked) await sendLink(tx, user)
      })
      // The signed-in user knows their own account: nothing to hide from them.
      if ('user' in who) await send()
      else afterAnswer.run(send, { requestId, failure: 'verification link request failed: no link sent' })
    },
  }
}

export type EmailVerification = ReturnType<typeof createEmailVerification>
