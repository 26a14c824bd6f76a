import { httpErrors } from '@fastify/sensible'
import { ErrorStatus, type ErrorCode } from './codes.js'

export interface ErrorDetail {
  field: string
  message: string
}

export interface AppError extends Error {
  statusCode: number
  code: ErrorCode
  details?: ErrorDetail[]
  headers?: Record<string, string>
}

/**
 * Builds a typed HTTP error (an @fastify/sensible HttpError) carrying one of our codes.
 * Routes throw these; the shared error handler turns them into the envelope.
 */
export function appError (code: ErrorCode, message: string, extra: { details?: ErrorDetail[], headers?: Record<string, string> } = {}): AppError {
  return httpErrors.createError(ErrorStatus[code], message, { code, expose: true, ...extra }) as unknown as AppError
}

export const badRequest = (message: string) => appError('BAD_REQUEST', message)
export const validationError = (message: string, details: ErrorDetail[] = []) => appError('VALIDATION_ERROR', message, { details })
export const unauthorized = (message = 'Authentication is required') => appError('UNAUTHORIZED', message)
export const tokenExpired = (message = 'The access token has expired') => appError('TOKEN_EXPIRED', message)
export const tokenInvalid = (message = 'The access token is invalid') => appError('TOKEN_INVALID', message)
export const invalidCredentials = () => appError('INVALID_CREDENTIALS', 'Invalid username, email or password')
/** A wrong current password when changing one's own account: 403, not 401, which clients read as "signed out". */
export const currentPasswordIncorrect = () => appError('CURRENT_PASSWORD_INCORRECT', 'The current password is incorrect')
export const setPasswordTokenInvalid = () => appError('SET_PASSWORD_TOKEN_INVALID', 'This set-password link is invalid, expired or already used; ask an administrator for a new one')
export const refreshTokenInvalid = () => appError('REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
export const forbidden = (message = 'You do not have permission to do this') => appError('FORBIDDEN', message)
export const accountBlocked = () => appError('ACCOUNT_BLOCKED', 'This account is blocked')
/** A request authenticated by the refresh cookie that fails the CSRF checks (origin, fetch site, custom header). */
export const csrfRejected = () => appError('CSRF_REJECTED', 'Cross-site request refused: a request using the session cookie must come from rekam\'s own pages')
/** A ticket of the second sign-in step that is unknown, expired, used or spent by wrong codes. */
export const mfaTicketInvalid = () => appError('MFA_TICKET_INVALID', 'This sign-in has expired or was already completed; sign in again')
/** A wrong, stale or replayed one-time code (or a refused passkey answer): 403, since the caller stays signed in. */
export const mfaCodeInvalid = () => appError('MFA_CODE_INVALID', 'The code is wrong, expired or already used')
/** A link sent by mail (verify an address, reset a password, confirm a new address) that is unknown, expired, used or superseded. */
export const emailTokenInvalid = () => appError('EMAIL_TOKEN_INVALID', 'This link is invalid, expired or already used; ask for a new one')
/** Sign-in while EMAIL_VERIFICATION=required and the address is not verified yet. */
export const emailNotVerified = () => appError('EMAIL_NOT_VERIFIED', 'Verify your email address first: open the link we sent, or ask for a new one')
/** An operation on an account with a second factor that was sent without one (a password reset, say); details name the methods. */
export const secondFactorRequired = (methods: string[]) => appError('SECOND_FACTOR_REQUIRED', 'This account has a second factor: confirm with one of its methods', {
  details: methods.map((method) => ({ field: 'body.factor', message: method })),
})
/** A claim code (for a patient profile registered at the front desk) that is unknown, expired, used or voided. */
export const claimCodeInvalid = () => appError('CLAIM_CODE_INVALID', 'This claim code is invalid, expired or already used; ask the clinic for a new one')
/** A registration that looks like a patient already registered: the registrar checks, then confirms. */
export const possibleDuplicate = (message: string) => appError('POSSIBLE_DUPLICATE', message)
/** A flow that must send mail while no SMTP server is configured (SMTP_URL). */
export const mailUnavailable = () => appError('MAIL_UNAVAILABLE', 'Mail is not configured on this server, so this is unavailable; ask the clinic\'s administrator')
/** The characters RFC 6750 (section 3) allows in `error_description`. */
const DESCRIPTION = /^[\x20\x21\x23-\x5B\x5D-\x7E]*$/

/** What a step-up challenge asks for (RFC 9470 section 3). */
export interface StepUpChallenge {
  /** The required authentication context class(es), space-separated (`urn:rekam:aal2`). */
  acrValues?: string
  /** The most seconds since the sign-in the operation accepts. */
  maxAgeSeconds?: number
}

/**
 * The token is valid but its sign-in too weak or too old for the operation: 401 with RFC 9470's
 * challenge, whose `error_description` is the message (so it must hold no `"` or `\`, RFC 6750).
 */
export function stepUpRequired (message: string, challenge: StepUpChallenge): AppError {
  if (!DESCRIPTION.test(message)) throw new Error('A step-up message must be printable ASCII without " or \\: it is sent in WWW-Authenticate')
  const parts = [
    'Bearer error="insufficient_user_authentication"',
    `error_description="${message}"`,
    ...(challenge.acrValues ? [`acr_values="${challenge.acrValues}"`] : []),
    ...(challenge.maxAgeSeconds !== undefined ? [`max_age=${challenge.maxAgeSeconds}`] : []),
  ]
  return appError('STEP_UP_REQUIRED', message, { headers: { 'www-authenticate': parts.join(', ') } })
}

export const notFound = (message = 'Not found') => appError('NOT_FOUND', message)
export const conflict = (message: string) => appError('CONFLICT', message)
/** A change of a signed (final) record other than an amendment. */
export const recordFinal = () => appError('RECORD_FINAL', 'This record is signed, so it changes only by amendment: use POST /api/records/:id/amendments with the changes and a reason')
/** An If-Match that does not name the current version (RFC 9110 section 13.1.1); details give the current one. */
export const preconditionFailed = (currentVersion: number) => appError('PRECONDITION_FAILED', `The record changed since you read it: current version is ${currentVersion}`, {
  details: [{ field: 'headers.if-match', message: `current version is ${currentVersion}` }],
})
export const serviceUnavailable = (message = 'The service is temporarily unavailable', retryAfterSeconds?: number) =>
  appError('SERVICE_UNAVAILABLE', message, retryAfterSeconds ? { headers: { 'retry-after': String(retryAfterSeconds) } } : {})
export const tooManyRequests = (retryAfterSeconds: number, message = 'Too many requests, try again later') =>
  appError('TOO_MANY_REQUESTS', message, { headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) } })
export const tokenRevoked = (message = 'The session of this access token has ended') => appError('TOKEN_REVOKED', message)
