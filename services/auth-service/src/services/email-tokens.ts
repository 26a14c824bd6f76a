import { createHash, randomBytes } from 'node:crypto'
import type { EmailTokenPurpose, EmailTokenRow } from '../db/schema.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { EmailTokensRepository } from '../plugins/app/email-tokens-repository.js'

export function hashEmailToken (token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Single-use tokens that travel by mail (the link's `#token=`): 256 random bits, base64url, only
 * their SHA-256 stored. A new token voids the user's older unused ones of the same purpose, so
 * only the latest mail works. Callers answer an unusable token with `emailTokenInvalid()`.
 */
export function createEmailTokens (repository: EmailTokensRepository, now: () => number) {
  const at = () => new Date(now())
  return {
    /** The raw token, to put in the link; never stored or logged. */
    async issue (tx: AuthDb, request: { userId: string, purpose: EmailTokenPurpose, email: string, ttlSeconds: number }): Promise<string> {
      const token = randomBytes(32).toString('base64url')
      const issuedAt = at()
      await repository.voidAll(tx, request.userId, request.purpose, issuedAt)
      await repository.create(tx, {
        userId: request.userId,
        purpose: request.purpose,
        email: request.email.toLowerCase(),
        tokenHash: hashEmailToken(token),
        expiresAt: new Date(issuedAt.getTime() + request.ttlSeconds * 1000),
      })
      return token
    },

    /** Uses a usable token up (in the caller's transaction): its row, or undefined. */
    consume (tx: AuthDb, token: string, purpose: EmailTokenPurpose): Promise<EmailTokenRow | undefined> {
      return repository.consume(tx, hashEmailToken(token), purpose, at())
    },

    /** A usable token's row without using it (to check a link before asking for more). */
    peek (token: string, purpose: EmailTokenPurpose): Promise<EmailTokenRow | undefined> {
      return repository.find(hashEmailToken(token), purpose, at())
    },

    /** Where the user's usable token of a purpose was sent (a pending email change's new address), or null. */
    pendingEmail (userId: string, purpose: EmailTokenPurpose): Promise<string | null> {
      return repository.pendingEmail(userId, purpose, at())
    },

    /** Voids every unused token of the user (of one purpose, or all): a password change ends resets. */
    voidAll (tx: AuthDb, userId: string, purpose?: EmailTokenPurpose): Promise<void> {
      return repository.voidAll(tx, userId, purpose, at())
    },
  }
}

export type EmailTokens = ReturnType<typeof createEmailTokens>
