import { loggable } from '@rekam/errors'
import type { FastifyBaseLogger } from 'fastify'

/**
 * Work a request starts and does not wait for: what would tell, by the answer's time, whether an
 * address has an account (OWASP Forgot Password Cheat Sheet, "asynchronous" option). It starts
 * once the answer is on its way (setImmediate runs after the reply, written when the handler's
 * promise settles); `settled()` waits for all of it (the app's close, tests). A failure is logged
 * with the request's id and without a failed query's parameters (they may hold a link).
 */
export function createAfterAnswer (log: FastifyBaseLogger) {
  const pending = new Set<Promise<void>>()
  return {
    run (work: () => Promise<void>, context: { requestId: string, failure: string }): void {
      const started = new Promise<void>((resolve) => setImmediate(resolve)).then(work)
      const tracked = started
        .catch((err: unknown) => log.error({ err: err instanceof Error ? loggable(err) : err, requestId: context.requestId }, context.failure))
        .finally(() => pending.delete(tracked))
      pending.add(tracked)
    },

    /** Resolves once the work of every request answered so far is done. */
    async settled (): Promise<void> {
      await Promise.all(pending)
    },
  }
}

export type AfterAnswer = ReturnType<typeof createAfterAnswer>
