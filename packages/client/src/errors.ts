import { stepUpChallenge, type StepUpChallenge } from './step-up.js'

/** An error envelope (`{ success: false, error: { code, message, details?, requestId } }`) as an Error. */
export class RekamApiError extends Error {
  override name = 'RekamApiError'
  readonly status: number
  readonly code: string
  readonly details?: unknown[]
  readonly requestId?: string
  /** With code `STEP_UP_REQUIRED`: what the operation asks for (the WWW-Authenticate challenge). */
  // Declared only: an error without a challenge carries no `stepUp` key at all.
  declare readonly stepUp?: StepUpChallenge

  constructor (status: number, code: string, message: string, details?: unknown[], requestId?: string, stepUp?: StepUpChallenge) {
    super(message)
    this.status = status
    this.code = code
    if (details !== undefined) this.details = details
    if (requestId !== undefined) this.requestId = requestId
    if (stepUp !== undefined) this.stepUp = stepUp
  }
}

/** A `401 STEP_UP_REQUIRED`: reauthenticate (a second factor, a recent sign-in) and retry. */
export function isStepUpRequired (err: unknown): err is RekamApiError & { code: 'STEP_UP_REQUIRED', stepUp: StepUpChallenge } {
  return err instanceof RekamApiError && err.code === 'STEP_UP_REQUIRED' && err.stepUp !== undefined
}

interface Envelope {
  error: { code: string, message: string, details?: unknown[], requestId?: string }
}

function isEnvelope (body: unknown): body is Envelope {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false
  const { error } = body as { error: unknown }
  return typeof error === 'object' && error !== null &&
    typeof (error as { code?: unknown }).code === 'string' && typeof (error as { message?: unknown }).message === 'string'
}

/**
 * The RekamApiError of an answer's parsed body: its envelope, or `HTTP_ERROR` when the body is
 * not one (a proxy's page, say). The headers give a STEP_UP_REQUIRED its challenge.
 */
export function apiError (status: number, body: unknown, headers?: Headers): RekamApiError {
  if (!isEnvelope(body)) return new RekamApiError(status, 'HTTP_ERROR', `The server answered ${status}`)
  const { code, message, details, requestId } = body.error
  const stepUp = code === 'STEP_UP_REQUIRED' ? stepUpChallenge(headers?.get('www-authenticate') ?? null) : undefined
  return new RekamApiError(status, code, message, details, requestId, stepUp)
}

/** The `code` of an answer's error envelope, read from a copy (the body stays unread). */
export async function errorCode (response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.clone().json()
    return isEnvelope(body) ? body.error.code : undefined
  } catch {
    return undefined
  }
}

type Result = { data?: unknown, error?: unknown, response: Response }
type SuccessData<R extends Result> = NonNullable<R['data']> extends { data: infer D } ? D : never

/**
 * The `data` of a success envelope from an openapi-fetch result, or a RekamApiError thrown for
 * an error envelope: `const me = unwrap(await rekam.auth.GET('/api/auth/me'))`.
 */
export function unwrap<R extends Result> (result: R): SuccessData<R> {
  if (result.error !== undefined || !result.response.ok) throw apiError(result.response.status, result.error, result.response.headers)
  return (result.data as { data: SuccessData<R> }).data
}
