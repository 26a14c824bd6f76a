import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { ErrorStatus, errorCodes, type ErrorCode } from './codes.js'

export const ErrorDetailSchema = Type.Object({
  field: Type.String(),
  message: Type.String(),
})

export const ErrorEnvelopeSchema = Type.Object({
  success: Type.Literal(false),
  error: Type.Object({
    code: Type.Union(errorCodes.map((code) => Type.Literal(code))),
    message: Type.String(),
    details: Type.Optional(Type.Array(ErrorDetailSchema)),
    requestId: Type.String(),
  }),
}, { $id: 'ErrorEnvelope', title: 'Error' })

export type ErrorEnvelope = Static<typeof ErrorEnvelopeSchema>

/** What each error status means, as the API documents say it. */
const STATUS_MEANINGS: Record<number, string> = {
  400: 'The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read',
  401: 'No valid access token: none was sent, or it has expired, is invalid or its session has ended',
  403: 'The caller may not do this',
  404: 'Not found',
  409: 'Conflicts with data already stored',
  412: 'The If-Match header names a version that is no longer current',
  413: 'The body is too large',
  415: 'The body is not JSON (send content-type: application/json)',
  429: 'Too many requests: wait the seconds Retry-After says',
  500: 'Internal error',
  502: 'The upstream service is unavailable',
  503: 'Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says',
  504: 'The upstream service did not answer in time',
}

/** The codes a status answers with unless a route names its own (401 for a bearer route, say). */
const DEFAULT_CODES: Record<number, ErrorCode[]> = {
  400: ['VALIDATION_ERROR', 'BAD_REQUEST'],
  401: ['UNAUTHORIZED', 'TOKEN_EXPIRED', 'TOKEN_INVALID', 'TOKEN_REVOKED'],
}

/** What a code means where a route names it as its answer for that status. */
const CODE_MEANINGS: Partial<Record<ErrorCode, string>> = {
  INVALID_CREDENTIALS: 'Unknown user or wrong password (the same answer for both)',
  REFRESH_TOKEN_INVALID: 'The refresh token is unknown, expired, revoked or already used',
  ACCOUNT_BLOCKED: 'The account is blocked',
  CURRENT_PASSWORD_INCORRECT: 'The current password given is wrong (the session stays signed in)',
  SET_PASSWORD_TOKEN_INVALID: 'The set-password link is unknown, expired or already used',
  MFA_TICKET_INVALID: 'The sign-in ticket is unknown, expired (5 minutes), already used or spent by too many wrong codes: sign in again',
  STEP_UP_REQUIRED: 'The operation needs a recent or stronger sign-in (RFC 9470): the WWW-Authenticate header names acr_values and max_age; reauthenticate and retry',
  MFA_CODE_INVALID: 'The second-factor code or passkey answer is wrong, expired or already used',
  CSRF_REJECTED: 'A request authenticated by the refresh cookie failed the CSRF checks: its Origin is not the gateway\'s own or one of CORS_ORIGINS, its Sec-Fetch-Site is cross-site, or it lacks the header x-rekam-csrf: 1',
  EMAIL_TOKEN_INVALID: 'The link sent by mail is unknown, expired, already used or superseded by a newer one',
  EMAIL_NOT_VERIFIED: 'EMAIL_VERIFICATION=required and the address is not verified yet: open the mailed link or ask for a new one',
  SECOND_FACTOR_REQUIRED: 'The account has a second factor and the request carried none: details list the methods it accepts',
  MAIL_UNAVAILABLE: 'The flow must send mail and no SMTP server is configured (SMTP_URL)',
  CLAIM_CODE_INVALID: 'The claim code is unknown, expired (48 hours), already used or replaced by a newer one: ask the clinic for a new one',
  POSSIBLE_DUPLICATE: 'A patient with a similar name and the same date of birth exists: check them with POST /api/patients/intake-search, then send confirmDuplicates: true to register anyway',
  RECORD_FINAL: 'The record is signed (final): it changes only by amendment, POST /api/records/:id/amendments with the changes and a reason',
  PRECONDITION_FAILED: 'If-Match does not name the record\'s current version ("<version>" from its ETag, or *): read it again, then retry; details give the current version',
}

/** A message each code may carry, for the examples. */
const EXAMPLE_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_ERROR: 'The request is invalid',
  BAD_REQUEST: 'The request body is not valid JSON',
  SET_PASSWORD_TOKEN_INVALID: 'This set-password link is invalid, expired or already used; ask an administrator for a new one',
  UNAUTHORIZED: 'A bearer access token is required',
  TOKEN_EXPIRED: 'The access token has expired',
  TOKEN_INVALID: 'The access token is invalid',
  TOKEN_REVOKED: 'The session of this access token has ended',
  INVALID_CREDENTIALS: 'Invalid username, email or password',
  REFRESH_TOKEN_INVALID: 'The refresh token is invalid or has expired',
  FORBIDDEN: 'You do not have permission to do this',
  ACCOUNT_BLOCKED: 'This account is blocked',
  CURRENT_PASSWORD_INCORRECT: 'The current password is incorrect',
  CSRF_REJECTED: 'Cross-site request refused: a request using the session cookie must come from rekam\'s own pages',
  MFA_TICKET_INVALID: 'This sign-in has expired or was already completed; sign in again',
  STEP_UP_REQUIRED: 'Confirm it is you: this needs a recent sign-in with a second factor',
  MFA_CODE_INVALID: 'The code is wrong, expired or already used',
  EMAIL_TOKEN_INVALID: 'This link is invalid, expired or already used; ask for a new one',
  CLAIM_CODE_INVALID: 'This claim code is invalid, expired or already used; ask the clinic for a new one',
  EMAIL_NOT_VERIFIED: 'Verify your email address first: open the link we sent, or ask for a new one',
  SECOND_FACTOR_REQUIRED: 'This account has a second factor: confirm with one of its methods',
  MAIL_UNAVAILABLE: 'Mail is not configured on this server, so this is unavailable; ask the clinic\'s administrator',
  NOT_FOUND: 'Not found',
  CONFLICT: 'A resource with the same unique values already exists',
  POSSIBLE_DUPLICATE: 'A patient with a similar name and the same date of birth is already registered (RM-000042); check with intake search, then send confirmDuplicates: true to register anyway',
  RECORD_FINAL: 'This record is signed, so it changes only by amendment: use POST /api/records/:id/amendments with the changes and a reason',
  PRECONDITION_FAILED: 'The record changed since you read it: current version is 3',
  PAYLOAD_TOO_LARGE: 'Request body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'The request body must be JSON: send it with content-type: application/json',
  TOO_MANY_REQUESTS: 'Too many requests, try again later',
  INTERNAL_ERROR: 'Internal server error',
  BAD_GATEWAY: 'The upstream service is unavailable',
  SERVICE_UNAVAILABLE: 'The database is unavailable, try again shortly',
  GATEWAY_TIMEOUT: 'The upstream service did not answer in time',
}

const EXAMPLE_DETAIL = { field: 'body.email', message: 'must match format "email"' }

/**
 * An error body as a route answers it with this code (the request id is the one sent in
 * x-request-id); a VALIDATION_ERROR names the field, `detail`, its message starts with.
 */
export function errorExample (code: ErrorCode, detail = EXAMPLE_DETAIL): ErrorEnvelope {
  if (code === 'VALIDATION_ERROR') {
    return { success: false, error: { code, message: `${detail.field} ${detail.message}`, details: [detail], requestId: 'req-3f9c2a7b1d' } }
  }
  return { success: false, error: { code, message: EXAMPLE_MESSAGES[code], requestId: 'req-3f9c2a7b1d' } }
}

/**
 * The error response of one status: the envelope, what it means, which codes, an example of the
 * first. `named` are codes a route names for it; `usual` adds the codes the status usually
 * carries (all of them when nothing is named).
 */
export function errorResponse (status: number, named: ErrorCode[] = [], usual = named.length === 0): TSchema {
  const usualCodes = usual ? DEFAULT_CODES[status] ?? [codeOf(status)] : []
  const codes = [...usualCodes, ...named.filter((code) => !usualCodes.includes(code))]
  const meanings = [
    ...(usualCodes.length ? [`${STATUS_MEANINGS[status] ?? 'Error'}. Codes: ${usualCodes.join(', ')}.`] : []),
    ...codes.slice(usualCodes.length).map((code) => `${code}: ${CODE_MEANINGS[code] ?? STATUS_MEANINGS[status] ?? 'Error'}.`),
  ]
  // The envelope without its $id: each status is its own schema, and one id may be added once.
  const { $id: _id, ...envelope } = ErrorEnvelopeSchema
  return { ...envelope, description: meanings.join(' '), examples: [errorExample(codes[0] ?? codeOf(status))] }
}

function codeOf (status: number): ErrorCode {
  return errorCodes.find((code) => ErrorStatus[code] === status) ?? 'INTERNAL_ERROR'
}

type StatusOf<S> = S extends ErrorCode ? (typeof ErrorStatus)[S] : S

/**
 * Response schemas for a route's `schema.response`: one per status, each with its description
 * and an example of its code. A status (401) documents the codes it usually carries; an error
 * code (`'INVALID_CREDENTIALS'`) documents its status with that code, so a route names what it
 * answers: `errorResponses(400, 'INVALID_CREDENTIALS', 'ACCOUNT_BLOCKED', 429)`. Both (`401,
 * 'INVALID_CREDENTIALS'`) document the usual codes and the named one; the example shows the first.
 */
export function errorResponses<const S extends ReadonlyArray<number | ErrorCode>> (...specs: S): Record<StatusOf<S[number]>, TSchema> {
  const statuses = new Map<number, { named: ErrorCode[], usual: boolean }>()
  for (const spec of specs) {
    const status = typeof spec === 'number' ? spec : ErrorStatus[spec as ErrorCode]
    const entry = statuses.get(status) ?? { named: [], usual: false }
    if (typeof spec === 'number') entry.usual = true
    else entry.named.push(spec as ErrorCode)
    statuses.set(status, entry)
  }
  const out = {} as Record<number, TSchema>
  for (const [status, { named, usual }] of statuses) out[status] = errorResponse(status, named, usual)
  return out as Record<StatusOf<S[number]>, TSchema>
}
