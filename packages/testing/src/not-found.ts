import { assertError, type Asserts, type AnswerLike } from './assertions.js'

interface Injects {
  inject (options: { method: 'GET', url: string, remoteAddress: string }): Promise<AnswerLike & { headers: Record<string, unknown> }>
}

/**
 * The 404 handler of an app built with `RATE_LIMIT_NOT_FOUND=3` answers three unknown routes from
 * one address, then 429 with Retry-After; known routes and other addresses are not counted.
 */
export async function assertNotFoundLimited (t: Asserts & { ok (value: unknown, message: string): boolean }, app: Injects): Promise<void> {
  const probe = (url: string, remoteAddress = '203.0.113.7') => app.inject({ method: 'GET', url, remoteAddress })
  for (let i = 0; i < 3; i++) {
    assertError(t, await probe(`/nope-${i}`), 404, 'NOT_FOUND', `Route GET /nope-${i} not found`)
  }
  const limited = await probe('/nope-3')
  assertError(t, limited, 429, 'TOO_MANY_REQUESTS', 'Too many requests, try again later')
  t.ok(Number(limited.headers['retry-after']) > 0, 'with Retry-After')

  const known = await probe('/health/live')
  t.equal('statusCode' in known ? known.statusCode : known.status, 200, 'a known route is unaffected')
  assertError(t, await probe('/nope-4', '203.0.113.8'), 404, 'NOT_FOUND', 'Route GET /nope-4 not found')
}
