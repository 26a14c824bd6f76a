import type { SessionAssurance } from '../lib/assurance.js'
import { hashRefreshToken, newRefreshToken } from '../lib/refresh-token.js'
import type { AccessTokens, AccessTokenSubject } from '../plugins/app/access-tokens.js'
import type { Tokens } from '../schemas/auth.js'

export interface TokenPairsDeps {
  accessTokens: AccessTokens
  /** When a refresh token minted at `at` for this role's session dies (session-limits). */
  refreshTokenEnd: (role: AccessTokenSubject['role'], session: { createdAt: Date, expiresAt: Date }, at: number) => number
  now: () => number
}

/** The refresh token's row to store: only its hash is kept. */
export interface StoredRefreshToken {
  sessionId: string
  tokenHash: string
  expiresAt: Date
}

/**
 * New token pairs for a session. A refresh token lives as long as the session's idle limit (for
 * the user's role) and never past its absolute end.
 */
export function createTokenPairs ({ accessTokens, refreshTokenEnd, now }: TokenPairsDeps) {
  return {
    mint (user: AccessTokenSubject, session: { id: string, createdAt: Date, expiresAt: Date } & SessionAssurance): { tokens: Tokens, stored: StoredRefreshToken } {
      const refreshToken = newRefreshToken()
      const expiresAt = new Date(refreshTokenEnd(user.role, session, now()))
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
