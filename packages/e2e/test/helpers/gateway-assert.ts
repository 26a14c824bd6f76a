import { assertError as assertExactError, type ErrorDetail } from '@rekam/testing'
import type { Test } from 'tap'
import type { ApiResponse, RunningService } from '@rekam/testing/e2e'
import type { RawResponse } from './byte-request.js'

/** Exactly the rekam error envelope, as nginx passes it on: a JSON body quoting the x-request-id header. */
export function assertError (t: Test, res: ApiResponse, status: number, code: string, message: string | RegExp, details?: ErrorDetail[]) {
  t.match(res.headers.get('content-type') ?? '', /^application\/json/, 'JSON content type')
  t.ok(res.headers.get('x-request-id'), 'x-request-id header')
  assertExactError(t, res, status, code, message, details)
}

/** The parsed log lines of a service that carry this request id. */
export function logLinesOf (service: RunningService, requestId: string) {
  return service.logLines().filter((line) => line.reqId === requestId)
}

type LogLine = Record<string, unknown>

/** Waits until the service has logged a line with this request id (and matching `where`). */
export async function waitForLog (service: RunningService, requestId: string, where: (line: LogLine) => boolean = () => true) {
  await service.process.waitFor(`a log line with reqId ${requestId}`, () => logLinesOf(service, requestId).some(where), 5000, 50)
  return logLinesOf(service, requestId)
}

/** The rekam error envelope with one of these statuses and this code; nothing of a library in it. */
export function assertEnvelope (t: Test, res: RawResponse, statuses: number | number[], code: string, label: string) {
  const allowed = ([] as number[]).concat(statuses)
  t.ok(allowed.includes(res.status), `${label}: status ${res.status} is one of ${allowed.join(', ')}`)
  t.match(res.headers.get('content-type') ?? '', /^application\/json/, `${label}: JSON`)
  t.match(res.body, { success: false, error: { code, message: String, requestId: String } }, `${label}: envelope with ${code}`)
  t.strictSame(Object.keys(res.body ?? {}).sort(), ['error', 'success'], `${label}: nothing but success and error`)
  t.equal(res.body?.error?.requestId, res.headers.get('x-request-id'), `${label}: requestId is the x-request-id header`)
  t.notMatch(res.text, /FST_|fast-?jwt|secure-json|node_modules|\bat \S+:\d+|<html|nginx/i, `${label}: no library text, stack or HTML`)
}
