import type { Test } from 'tap'
import { newRequestId, type ApiResponse, type Client, type RequestOptions } from '@rekam/testing/e2e'

export type Timed = ApiResponse & { ms: number }

export async function timed (send: () => Promise<ApiResponse>): Promise<Timed> {
  const started = performance.now()
  const res = await send()
  return { ...res, ms: performance.now() - started }
}

/** One request of a burst: a path and how to send it. */
export interface BurstRequest {
  label: string
  path: string
  opts?: RequestOptions
}

/**
 * `size` requests at once, cycling through `requests`, each with its own request id, so that
 * every answer can be matched to the envelope it must carry.
 */
export async function burst (api: Client, size: number, requests: BurstRequest[]): Promise<Array<Timed & { label: string, requestId: string }>> {
  return Promise.all(Array.from({ length: size }, async (_, i) => {
    const { label, path, opts } = requests[i % requests.length]!
    const requestId = newRequestId()
    const res = await timed(() => api.request(path, { ...opts, headers: { ...opts?.headers, 'x-request-id': requestId } }))
    return { ...res, label, requestId }
  }))
}

/**
 * Every answer is the database outage's 503 envelope, exactly, within `withinMs`. Reported as one
 * assertion per kind of request, with the slowest time, so a burst of 50 stays readable.
 */
export function assertAllUnavailable (t: Test, what: string, answers: Array<Timed & { label: string, requestId: string }>, withinMs: number) {
  for (const label of new Set(answers.map((a) => a.label))) {
    const mine = answers.filter((a) => a.label === label)
    t.strictSame(
      mine.map((a) => ({ status: a.status, body: a.body })),
      mine.map((a) => ({
        status: 503,
        body: { success: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable, try again shortly', requestId: a.requestId } },
      })),
      `${what}: all ${mine.length} ${label} answered 503 SERVICE_UNAVAILABLE in the envelope`,
    )
    const slowest = Math.max(...mine.map((a) => a.ms))
    t.ok(slowest < withinMs, `${what}: ${label} within ${withinMs} ms (slowest ${Math.round(slowest)} ms)`)
  }
}
