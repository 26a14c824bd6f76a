import { randomBytes } from 'node:crypto'

/** Claim codes: what a walk-in patient types to link their profile to their account. */

/** Crockford's base32: no I, L, O or U, so a printed code cannot be misread. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CLAIM_CODE_LENGTH = 12
/** A new claim code: 12 characters (60 random bits; 256 is a multiple of 32, so each is uniform). */
export function newClaimCode (): string {
  return [...randomBytes(CLAIM_CODE_LENGTH)].map((byte) => CROCKFORD[byte & 31]).join('')
}

/** `XXXX-XXXX-XXXX`, as printed. */
export const formatClaimCode = (code: string) => code.match(/.{4}/g)!.join('-')

/**
 * A typed code as stored: upper case, dashes and spaces dropped, and the letters Crockford
 * decodes as digits (O as 0, I and L as 1) read as them; undefined when it cannot be a code.
 */
export function normaliseClaimCode (input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  return code.length === CLAIM_CODE_LENGTH && [...code].every((c) => CROCKFORD.includes(c)) ? code : undefined
}
