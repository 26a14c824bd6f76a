/** Every error code a rekam service may answer with, and its HTTP status (DESIGN.md). */
export const ErrorStatus = {
  VALIDATION_ERROR: 400,
  BAD_REQUEST: 400,
  SET_PASSWORD_TOKEN_INVALID: 400,
  EMAIL_TOKEN_INVALID: 400,
  CLAIM_CODE_INVALID: 400,
  UNAUTHORIZED: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_INVALID: 401,
  TOKEN_REVOKED: 401,
  INVALID_CREDENTIALS: 401,
  REFRESH_TOKEN_INVALID: 401,
  MFA_TICKET_INVALID: 401,
  STEP_UP_REQUIRED: 401,
  FORBIDDEN: 403,
  ACCOUNT_BLOCKED: 403,
  CURRENT_PASSWORD_INCORRECT: 403,
  CSRF_REJECTED: 403,
  MFA_CODE_INVALID: 403,
  EMAIL_NOT_VERIFIED: 403,
  SECOND_FACTOR_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  POSSIBLE_DUPLICATE: 409,
  RECORD_FINAL: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  MAIL_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
} as const

export type ErrorCode = keyof typeof ErrorStatus

export const errorCodes = Object.keys(ErrorStatus) as ErrorCode[]

export function isErrorCode (value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ErrorStatus, value)
}

/** The code used when an error carries only a status. */
export function codeForStatus (status: number): ErrorCode {
  switch (status) {
    case 401: return 'UNAUTHORIZED'
    case 403: return 'FORBIDDEN'
    case 404: return 'NOT_FOUND'
    case 409: return 'CONFLICT'
    case 412: return 'PRECONDITION_FAILED'
    case 413: return 'PAYLOAD_TOO_LARGE'
    case 415: return 'UNSUPPORTED_MEDIA_TYPE'
    case 429: return 'TOO_MANY_REQUESTS'
    case 502: return 'BAD_GATEWAY'
    case 503: return 'SERVICE_UNAVAILABLE'
    case 504: return 'GATEWAY_TIMEOUT'
    default: return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'
  }
}
