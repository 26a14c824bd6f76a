/** The assertions these helpers use; tap's `t` fits. */
export interface Asserts {
  equal (found: unknown, wanted: unknown, message: string): boolean
  strictSame (found: unknown, wanted: unknown, message: string): boolean
  match (found: unknown, pattern: unknown, message: string): boolean
}

/** A response from `app.inject` or from `fetch` through the e2e client. */
export type AnswerLike =
  | { statusCode: number, headers: Record<string, unknown>, json (): any }
  | { status: number, headers: Headers, body: any }

export interface ErrorDetail { field: string, message: string }

export interface ErrorBody {
  code: string
  message: string
  requestId: string
  details?: ErrorDetail[]
}

function read (res: AnswerLike): { status: number, requestId: unknown, body: any } {
  if ('statusCode' in res) return { status: res.statusCode, requestId: res.headers['x-request-id'], body: res.json() }
  return { status: res.status, requestId: res.headers.get('x-request-id') ?? undefined, body: res.body }
}

/**
 * The response is exactly the error envelope: this status, code and message, the details given
 * (none when omitted) and the request id its own `x-request-id` header carries; nothing else.
 * A RegExp message is for the few answers whose text is not ours to fix (a driver's message).
 */
export function assertError (t: Asserts, res: AnswerLike, status: number, code: string, message: string | RegExp, details?: ErrorDetail[]): ErrorBody {
  const { status: found, requestId, body } = read(res)
  t.equal(found, status, `status ${status} ${code}`)
  let wantedMessage = message
  if (message instanceof RegExp) {
    t.match(body?.error?.message, message, `message matches ${message}`)
    wantedMessage = body?.error?.message
  }
  t.strictSame(body, {
    success: false,
    error: { code, message: wantedMessage, ...(details ? { details } : {}), requestId },
  }, `error envelope ${code}`)
  return body?.error
}

/**
 * 400 VALIDATION_ERROR on one field: the message is the field and the first rule it broke, the
 * details list every rule it broke in the validator's order (an optional field's `anyOf` adds
 * "must be null" and "must match a schema in anyOf").
 */
export function assertInvalid (t: Asserts, res: AnswerLike, field: string, rules: string | string[]): ErrorBody {
  const all = typeof rules === 'string' ? [rules] : rules
  return assertError(t, res, 400, 'VALIDATION_ERROR', `${field} ${all[0]}`, all.map((message) => ({ field, message })))
}

/** The rules an optional (nullable) field reports after the one it broke. */
export const optionalField = (rule: string) => [rule, 'must be null', 'must match a schema in anyOf']

/** The response is exactly the success envelope with this status, data and message. */
export function assertOk<T> (t: Asserts, res: AnswerLike, status: number, data: T, message?: string): T {
  const { status: found, body } = read(res)
  t.equal(found, status, `status ${status}`)
  t.strictSame(body, { success: true, data, ...(message === undefined ? {} : { message }) }, 'success envelope')
  return body?.data
}
