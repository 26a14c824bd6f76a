import type { SessionAssurance } from '../lib/assurance.js'
import { hashRefreshToken, newRefreshToken } from '../lib/refresh-token.js'
import type { AccessTokens, AccessTokenSubject } from '../plugins/app/access-tokens.js'
import type { Tokens } from '../schemas/auth.js'

export interface TokenPairsDeps {
  accessTokens: AccessTokens
  refreshTtlSeconds: number
  now: () => number
}

/** The refresh token's row to store: only its hash is kept. */
export interface StoredRefreshToken {
  sessionId: string
  tokenHash: string
  expiresAt: Date
}

/**
 * New token pairs for a session. A refresh token lives REFRESH_TOKEN_TTL at most and never past
 * its session's absolute end.
 */
export function createTokenPairs ({ accessTokens, refreshTtlSeconds, now }: TokenPairsDeps) {
  return {
    mint (user: AccessTokenSubject, session: { id: string, expiresAt: Date } & SessionAssurance): { tokens: Tokens, stored: StoredRefreshToken } {
      const refreshToken = newRefreshToken()
      const expiresAt = new Date(Math.min(now() + refreshTtlSeconds * 1000, session.expiresAt.getTime()))
      const tokens: Tokens = {
        accessToken: accessTokens.sign(user, session),
        refreshToken,
        tokenType: 'Bearer',
        expiresIn: accessTokens.ttlSeconds,
        refreshExpiresIn: Math.floor((expiresAt.getTime() - now()) / 1000),
      }
      return { tokens, stored: { sessionId: session.id, tokenHash: hashRefreshToken(refreshToken), expiresAt } }
    },
  }
}

export type TokenPairs = ReturnType<typeof createTokenPairs>
