import { scheduleJobs } from '@rekam/server-kit'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

/**
 * Every periodic job of the service, scheduled in one place and stopped when the server closes;
 * the modules that own the data expose the jobs (scheduleJobs: a failed run is logged, the next
 * one tries again).
 */
async function housekeepingPlugin (fastify: FastifyInstance) {
  const { config, auditSealer } = fastify
  scheduleJobs(fastify, [
    // The access logs' pending rows (docs/audit-trail.md); every instance may run it: the sealer
    // takes a per-trail advisory lock, and a run that finds nothing writes nothing.
    { everyMs: config.AUDIT_SEAL_INTERVAL * 1000, run: () => auditSealer.seal(), failure: 'audit trail sealing failed; the next run tries again' },
  ])
}

export default fp(housekeepingPlugin, { name: 'housekeeping', dependencies: ['audit-sealer'] })
