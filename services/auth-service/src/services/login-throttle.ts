import { tooManyRequests } from '@rekam/errors'
import type { RateLimitsRepository } from '../plugins/app/rate-limits-repository.js'

export interface LoginThrottleOptions {
  maxPerAccount: number
  maxPerAddress: number
  windowSeconds: number
}

export interface LoginAttempt {
  /** The username or email as given. */
  name: string
  /** The account it names, once known. */
  userId?: string | undefined
  ip: string
}

/**
 * Failed logins are counted per name given (so an unknown name is throttled exactly like a real
 * one and the lockout reveals nothing), per account (so switching between username and email
 * does not reset the count) and per client address. Past a limit every attempt, with the right
 * password too, answers 429 until the window ends; the window always ends, so the real user is
 * never locked out for good.
 */
export function createLoginThrottle (limits: RateLimitsRepository, opts: LoginThrottleOptions) {
  const accountKeys = (attempt: LoginAttempt) => [
    `login:name:${attempt.name.toLowerCase()}`,
    ...(attempt.userId ? [`login:user:${attempt.userId}`] : []),
  ]
  const addressKey = (attempt: LoginAttempt) => `login:ip:${attempt.ip}`

  return {
    async assertAllowed (attempt: LoginAttempt): Promise<void> {
      const checks = [
        ...accountKeys(attempt).map((key) => ({ key, max: opts.maxPerAccount })),
        { key: addressKey(attempt), max: opts.maxPerAddress },
      ]
      const windows = await Promise.all(checks.map((check) => limits.peek(check.key, opts.windowSeconds)))
      const blocking = windows.filter((window, i) => window !== undefined && window.count >= checks[i]!.max)
      if (blocking.length === 0) return
      const resetAt = Math.max(...blocking.map((window) => window!.resetAt.getTime()))
      throw tooManyRequests((resetAt - Date.now()) / 1000, 'Too many failed sign-ins; try again later')
    },

    async failed (attempt: LoginAttempt): Promise<void> {
      await Promise.all([...accountKeys(attempt), addressKey(attempt)].map((key) => limits.hit(key, opts.windowSeconds)))
    },

    async succeeded (attempt: LoginAttempt): Promise<void> {
      await Promise.all(accountKeys(attempt).map((key) => limits.clear(key)))
    },
  }
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>
