import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { codeForStatus, ErrorStatus, isErrorCode, type ErrorCode } from './codes.js'
import { isDatabaseUnavailable, isUniqueViolation } from './database-errors.js'
import type { ErrorDetail } from './http-errors.js'
import type { ErrorEnvelope } from './schemas.js'

interface Mapped {
  status: number
  code: ErrorCode
  message: string
  details?: ErrorDetail[]
}

type AnyError = FastifyError & { details?: ErrorDetail[], headers?: Record<string, string> }

/** Fastify's own client errors, by code; their messages are safe to show. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
}

/** A proxy's own failures: generic messages, never the upstream's internals. */
const UPSTREAM_MESSAGES: Record<number, string> = {
  502: 'The upstream service is unavailable',
  503: 'The service is temporarily unavailable',
  504: 'The upstream service did not answer in time',
}

function validationDetails (error: AnyError): ErrorDetail[] {
  const context = error.validationContext ?? 'request'
  return (error.validation ?? []).map((issue) => {
    const missing = issue.params as { missingProperty?: string, additionalProperty?: string } | undefined
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.')
    const leaf = missing?.missingProperty ?? missing?.additionalProperty
    const field = [context, path, leaf].filter(Boolean).join('.')
    const message = missing?.additionalProperty
      ? `unknown property '${missing.additionalProperty}'`
      : issue.message ?? 'is invalid'
    return { field, message }
  })
}

/** Bodies are JSON only (see @rekam/server-kit's validation): the answer says what to send. */
const NOT_JSON = 'The request body must be JSON: send it with content-type: application/json'

export function mapError (error: AnyError, development: boolean): Mapped {
  if (error.validation) {
    const details = validationDetails(error)
    const first = details[0]
    // A route's schemaErrorFormatter may phrase the message (an AppError of ours); details stay the schema's.
    const phrased = error.code === 'VALIDATION_ERROR' ? error.message : undefined
    return {
      status: 400,
      code: 'VALIDATION_ERROR',
      message: phrased ?? (first ? `${first.field} ${first.message}` : 'The request is invalid'),
      details,
    }
  }
  if (isErrorCode(error.code)) {
    return { status: ErrorStatus[error.code], code: error.code, message: error.message, details: error.details }
  }
  const fastifyCode = FASTIFY_CODES[error.code]
  if (fastifyCode === 'UNSUPPORTED_MEDIA_TYPE') return { status: 415, code: fastifyCode, message: NOT_JSON }
  if (fastifyCode) return { status: ErrorStatus[fastifyCode], code: fastifyCode, message: error.message }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' }
  }
  if (isUniqueViolation(error)) {
    return { status: 409, code: 'CONFLICT', message: 'A resource with the same unique values already exists' }
  }
  if (isDatabaseUnavailable(error)) {
    return { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable, try again shortly' }
  }
  const status = error.statusCode ?? 500
  if (status in UPSTREAM_MESSAGES) {
    return { status, code: codeForStatus(status), message: UPSTREAM_MESSAGES[status]! }
  }
  if (status >= 400 && status < 500) {
    return { status, code: codeForStatus(status), message: error.message }
  }
  return {
    status: 500,
    code: 'INTERNAL_ERROR',
    // Even in development, never a failed query's parameters (see loggable).
    message: development ? `Internal server error: ${loggable(error).message}` : 'Internal server error',
  }
}

export function envelope (request: FastifyRequest, mapped: Mapped): ErrorEnvelope {
  return {
    success: false,
    error: {
      code: mapped.code,
      message: mapped.message,
      ...(mapped.details?.length ? { details: mapped.details } : {}),
      requestId: String(request.id),
    },
  }
}

/**
 * Drizzle puts a failed query's parameters (password hashes, token hashes, personal data) in
 * its error message; the log gets the SQL text and the driver's error instead.
 */
export function loggable (error: Error): Error {
  const { query, params, cause } = error as Error & { query?: unknown, params?: unknown }
  if (typeof query !== 'string' || !Array.isArray(params)) return error
  const safe = new Error(`Database query failed: ${query}`, { cause })
  safe.name = 'DatabaseQueryError'
  return safe
}

/**
 * Who was refused: the authenticated user (`request.user`, set by @rekam/auth-verify; absent
 * before or without authentication) and the client address (the gateway's report when trusted,
 * TRUST_PROXY). A 403 or a 429 is someone trying; the log says who without a join on reqId.
 */
function who (request: FastifyRequest): { userId?: string, clientAddress: string } {
  const sub = (request as { user?: { sub?: unknown } | null }).user?.sub
  return { ...(typeof sub === 'string' ? { userId: sub } : {}), clientAddress: request.ip }
}

export function createErrorHandler (development: boolean) {
  return function errorHandler (this: unknown, error: AnyError, request: FastifyRequest, reply: FastifyReply) {
    const mapped = mapError(error, development)
    if (mapped.status >= 500) {
      request.log.error({ err: loggable(error), ...who(request) }, 'request failed')
    } else {
      request.log.info({ code: mapped.code, statusCode: mapped.status, ...who(request) }, mapped.message)
    }
    if (error.headers) reply.headers(error.headers)
    if (mapped.status === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', '5')
    return reply.code(mapped.status).send(envelope(request, mapped))
  }
}
