import { Secret, TOTP } from 'otpauth'
import { DEMO_ACCOUNTS } from '@rekam/demo-data'

const PERIOD_MS = 30_000

/**
 * The last TOTP step this test process spent per scope (one stack: its base URL or database)
 * and demo account. The service accepts each step once, and only steps later than the last one
 * it accepted, so two sign-ins within a step need successive codes.
 */
const spentSteps = new Map<string, number>()
const keyOf = (scope: string, email: string) => `${scope}\n${email}`

/** The documented TOTP secret of a demo staff account; undefined for patients and strangers. */
export const demoTotpSecret = (email: string): string | undefined =>
  DEMO_ACCOUNTS.find((account) => account.email === email)?.totpSecret

/** The code of a secret at a time (SHA-1, 6 digits, 30 s steps, as auth-service checks it). */
export const totpCodeAt = (secret: string, timestamp: number): string =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp })

/**
 * A code is sent only with this much of its validity left: a busy machine may take seconds between
 * choosing it and the server checking it, and the server's clock runs on meanwhile.
 */
const MIN_VALIDITY_MS = 8_000

/**
 * A code of a demo staff account that the stack of `scope` will still accept: the earliest step of
 * the accepted window (one step either side) later than any this process spent there, and valid
 * for at least 8 more seconds (until the clock reaches step + 2). The clock is this process's
 * `Date.now()`: the real one, or the services' own where a test runs them in process on a moved
 * clock. Null when none is left: a new sign-in has to wait for the next step.
 */
export function freshDemoTotpCode (scope: string, email: string): string | null {
  const at = Date.now()
  const secret = demoTotpSecret(email)
  if (!secret) throw new Error(`${email} is no demo staff account with a TOTP authenticator`)
  const now = Math.floor(at / PERIOD_MS)
  const last = spentSteps.get(keyOf(scope, email)) ?? -Infinity
  const step = [now - 1, now, now + 1].find((s) => s > last && (s + 2) * PERIOD_MS - at > MIN_VALIDITY_MS)
  if (step === undefined) return null
  spentSteps.set(keyOf(scope, email), step)
  return totpCodeAt(secret, step * PERIOD_MS)
}
