import { isErrorCode, tokenExpired, tokenInvalid } from '@rekam/errors'

const EXPIRED_CODES = new Set(['FST_JWT_AUTHORIZATION_TOKEN_EXPIRED', 'FAST_JWT_EXPIRED'])
const NOT_YET_VALID_CODES = new Set(['FAST_JWT_INACTIVE'])

/**
 * Every failure of @fastify/jwt or fast-jwt becomes a 401 with our code and our own message:
 * the library's text (which may name keys or algorithms) is never echoed, and no forged token
 * can turn into a 500.
 */
export function toAuthError (error: unknown): Error {
  const code = (error as { code?: unknown } | null)?.code
  if (isErrorCode(code)) return error as Error
  if (typeof code === 'string' && EXPIRED_CODES.has(code)) return tokenExpired()
  if (typeof code === 'string' && NOT_YET_VALID_CODES.has(code)) return tokenInvalid('The access token is not valid yet')
  return tokenInvalid()
}

/**
 * RFC 6750 challenge on a 401: `Bearer` alone when no token came, `error="invalid_token"` when
 * one came and was refused. Returns the same error for rethrowing.
 */
export function withBearerChallenge (error: unknown): unknown {
  const e = error as { statusCode?: number, code?: string, headers?: Record<string, string> } | null
  if (e?.statusCode === 401) {
    const challenge = e.code === 'UNAUTHORIZED' ? 'Bearer' : 'Bearer error="invalid_token"'
    e.headers = { ...e.headers, 'www-authenticate': challenge }
  }
  return error
}
