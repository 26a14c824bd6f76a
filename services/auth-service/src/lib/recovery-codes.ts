import { createHash } from 'node:crypto'
import { Secret } from 'otpauth'

/** Ten codes, each used once, for when the phone or key is lost. */
export const RECOVERY_CODE_COUNT = 10
/** 15 random bytes: 120 bits, above the 112 that NIST SP 800-63B asks of look-up secrets; 24 base32 characters. */
const CODE_BYTES = 15

/** A fresh code as shown to the user: 24 base32 characters (no 0, 1, 8 or 9 to misread) in groups of four. */
export function newRecoveryCode (): string {
  return new Secret({ size: CODE_BYTES }).base32.toLowerCase().match(/.{4}/g)!.join('-')
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, '')

/** What is stored: SHA-256 of the normalized code (120 random bits need no slow hash). */
export const hashRecoveryCode = (code: string): string => createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex')
