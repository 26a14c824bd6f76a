import { loggable } from '@rekam/errors'
import type { FastifyInstance } from 'fastify'

/** A periodic job: what it does, how often, and what to log when one run fails. */
export interface Job {
  everyMs: number
  run: () => Promise<unknown>
  failure: string
}

/**
 * Runs each job every `everyMs` until the server closes: a failed run is logged and the next one
 * tries again. Timers are unref'd: they never keep the process alive. The services' housekeeping
 * plugins list their jobs and call this once.
 */
export function scheduleJobs (fastify: FastifyInstance, jobs: Job[]): void {
  const timers = jobs.map((job) => setInterval(() => {
    job.run().catch((err: unknown) => fastify.log.warn({ err: err instanceof Error ? loggable(err) : err }, job.failure))
  }, job.everyMs).unref())
  fastify.addHook('onClose', async () => { for (const timer of timers) clearInterval(timer) })
}
