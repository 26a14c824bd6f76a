import { limitedError } from '../lib/limit-headers.js'
import type { RateLimitsRepository } from '../plugins/app/rate-limits-repository.js'

/** Mail-on-request counters count per hour. */
const REQUEST_WINDOW_SECONDS = 3600

/**
 * One more mail asked for an address (a resent verification link, a password reset link), or 429
 * once it was asked for `max` (MAIL_REQUESTS_PER_ADDRESS) this hour. Counted for any address,
 * with an account or not, so the limit says nothing about who is registered; every kind of
 * request counts on one counter, so no mailbox gets more than `max` such mails an hour.
 */
export async function countMailRequest (counters: RateLimitsRepository, email: string, max: number): Promise<void> {
  const limit = { key: `mail-request:${email.toLowerCase()}`, max }
  const reservation = await counters.reserve([limit], REQUEST_WINDOW_SECONDS)
  if (!reservation.allowed) throw limitedError(max, reservation.windows[0]!, 'Too many mails asked for this address; try again later')
}

/**
 * One more reset link mailed to an account this hour, counted on the account's id (a change of
 * address starts no new count); false, and nothing mailed, once `max` (PASSWORD_RESETS_PER_ACCOUNT)
 * went out. Decided after the answer, when the account is known: the requester sees the same 202
 * whether it refused or not, so it tells nobody who is registered.
 */
export async function reserveAccountReset (counters: RateLimitsRepository, userId: string, max: number): Promise<boolean> {
  const reservation = await counters.reserve([{ key: `reset-account:${userId}`, max }], REQUEST_WINDOW_SECONDS)
  return reservation.allowed
}
