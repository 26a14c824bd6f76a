import type { UserRow } from '../db/schema.js'
import type { ClientMeta } from '../lib/client-meta.js'
import { limitedError } from '../lib/limit-headers.js'
import type { RateLimitsRepository } from '../plugins/app/rate-limits-repository.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { CounterLimit, WindowCount } from './counters.js'

export interface LoginThrottleOptions {
  maxPerAccount: number
  maxPerAddress: number
  windowSeconds: number
}

export interface LoginAttempt {
  /** The names the attempt is made under: the username or email as given, or both of an account's. */
  names: string[]
  /** The account it concerns, once known. */
  userId?: string | undefined
  /** The client address, for attempts that count per address too (sign-ins). */
  ip?: string | undefined
}

const nameKey = (name: string) => `login:name:${name.toLowerCase()}`
const userKey = (userId: string) => `login:user:${userId}`
const addressKey = (ip: string) => `login:ip:${ip}`

/**
 * Password attempts are counted per name given (so an unknown name is throttled exactly like a
 * real one and the lockout reveals nothing), per account (so switching between username and
 * email does not reset the count) and per client address. An attempt reserves its count before
 * the password is hashed, in one step that also checks every limit, so however many arrive at
 * once at most the limit's number of passwords is ever evaluated per window. A wrong password
 * keeps its count; a right one clears the account's. Past a limit every attempt, with the right
 * password too, answers 429 until the window ends. Refusals count only on the counters refusing
 * them, inside their fixed window, so they never move its end: the real user is never locked
 * out for good.
 */
export function createLoginThrottle (limits: RateLimitsRepository, events: SecurityEventsRepository, opts: LoginThrottleOptions) {
  const { windowSeconds } = opts
  const accountLimits = (attempt: LoginAttempt): CounterLimit[] => [
    ...attempt.names.map((name) => ({ key: nameKey(name), max: opts.maxPerAccount })),
    ...(attempt.userId ? [{ key: userKey(attempt.userId), max: opts.maxPerAccount }] : []),
  ]
  const counters = (attempt: LoginAttempt): CounterLimit[] => [
    ...accountLimits(attempt),
    ...(attempt.ip ? [{ key: addressKey(attempt.ip), max: opts.maxPerAddress }] : []),
  ]

  /** The account's counts, under every name it goes by, start again (a right password, an admin's unlock). */
  async function clearAccount (user: Pick<UserRow, 'id' | 'username' | 'email'>): Promise<void> {
    await Promise.all(accountLimits({ names: [user.username, user.email], userId: user.id }).map((limit) => limits.clear(limit.key)))
  }

  /** The 429 of a refused attempt; the event is recorded once, when the lock begins. */
  async function refuse (checked: CounterLimit[], windows: WindowCount[], attempt: LoginAttempt, meta: ClientMeta): Promise<never> {
    const all = checked.map((limit, i) => ({ limit, window: windows[i]! }))
    const refusing = all.filter(({ limit, window }) => window.count > limit.max)
    // A refusal counts one more on each refusing counter: all at limit + 1 means none refused before.
    if (refusing.every(({ limit, window }) => window.count === limit.max + 1)) {
      const reason = refusing.some(({ limit }) => limit.key.startsWith('login:ip:')) ? 'address' : 'account'
      await events.record({ type: 'LOGIN_LOCKED', userId: attempt.userId ?? null, reason }, meta)
    }
    const last = (refusing.length > 0 ? refusing : all).reduce((a, b) => (b.window.resetAt > a.window.resetAt ? b : a))
    throw limitedError(last.limit.max, last.window, 'Too many failed sign-ins; try again later')
  }

  return {
    /**
     * Takes one attempt's count on every counter, or throws 429 TOO_MANY_REQUESTS (with the
     * limit headers) when any of them is at its limit. Call before the password is compared.
     */
    async reserve (attempt: LoginAttempt, meta: ClientMeta): Promise<void> {
      const checked = counters(attempt)
      const reservation = await limits.reserve(checked, windowSeconds)
      if (!reservation.allowed) await refuse(checked, reservation.windows, attempt, meta)
    },

    /** Gives a reserved attempt back (it did not test a password: a blocked account, a failure of ours). */
    async release (attempt: LoginAttempt): Promise<void> {
      await Promise.all(counters(attempt).map((limit) => limits.release(limit.key, windowSeconds)))
    },

    /**
     * The right password: the account's counts start again under every name it goes by, so a
     * failure by username right after a sign-in by email does not inherit the old count. The
     * address gives back only this attempt's count.
     */
    async succeeded (user: Pick<UserRow, 'id' | 'username' | 'email'>, attempt: LoginAttempt): Promise<void> {
      await Promise.all([
        clearAccount(user),
        ...(attempt.ip ? [limits.release(addressKey(attempt.ip), windowSeconds)] : []),
      ])
    },

    clearAccount,
  }
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>
