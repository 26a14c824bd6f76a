import { Secret, TOTP } from 'otpauth'

/** RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30
const DIGITS = 6
/** One step either side: a phone's clock a little off, or a code typed as it turned over. */
const WINDOW = 1
/** 160 bits, RFC 4226's recommended secret length for HMAC-SHA-1. */
const SECRET_BYTES = 20

const totpOf = (secret: string, label = '', issuer = '') =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS, label, issuer })

/** A new random secret, base32 (what authenticator apps accept typed in). */
export const newTotpSecret = (): string => new Secret({ size: SECRET_BYTES }).base32

/** The otpauth:// URI an authenticator app reads from the QR code. */
export const otpauthUri = (secret: string, account: string, issuer: string): string => totpOf(secret, account, issuer).toString()

/** The time step `at` (epoch ms) falls in. */
export const totpStep = (at: number): number => Math.floor(at / 1000 / PERIOD_SECONDS)

/** The code of a step: what an authenticator shows (tests and the demo use it). */
export const totpCode = (secret: string, at: number): string => totpOf(secret).generate({ timestamp: at })

/**
 * The time step the code belongs to, within one step of `at`, or undefined when it matches none.
 * The caller refuses a step already used (a replay).
 */
export function matchingStep (secret: string, code: string, at: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined
  const delta = totpOf(secret).validate({ token: code, timestamp: at, window: WINDOW })
  return delta === null ? undefined : totpStep(at) + delta
}
