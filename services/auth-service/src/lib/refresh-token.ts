import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, base64url: opaque to clients, never stored as is. */
export function newRefreshToken (): string {
  return randomBytes(32).toString('base64url')
}

export function hashRefreshToken (token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
