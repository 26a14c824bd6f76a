import { createHash, timingSafeEqual } from 'node:crypto'
import { unauthorized } from '@rekam/errors'
import type { onRequestAsyncHookHandler } from 'fastify'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * The guard of service-to-service endpoints: callers present INTERNAL_SECRET in
 * `x-internal-secret`. The gateway does not route /internal at all; this is the second wall.
 */
export function internalSecretGuard (secret: string): onRequestAsyncHookHandler {
  const expected = digest(secret)
  return async (request) => {
    const given = request.headers['x-internal-secret']
    // Digests have equal length, so the comparison takes the same time whatever was sent.
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
      throw unauthorized('This endpoint is for internal services')
    }
  }
}
