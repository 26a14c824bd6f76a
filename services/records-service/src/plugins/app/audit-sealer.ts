import { createAuditSealer, type AuditSealer } from '@rekam/db'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { auditTrails } from '../../db/audit-trails.js'
import { DEVELOPMENT_KEY } from './patient-data.js'

declare module 'fastify' {
  interface FastifyInstance {
    auditSealer: AuditSealer
  }
}

/**
 * Seals and verifies the access logs (docs/audit-trail.md). The seal key derives from
 * PATIENT_DATA_KEY, which the database does not hold: whoever can only write the database cannot
 * forge a seal. Each seal's hash is logged at info, so the log keeps the trail's head outside the
 * database.
 * @see packages/db/src/audit-seal
 */
export default fp(async function auditSealerPlugin (fastify: FastifyInstance) {
  const { config, clock, db } = fastify
  fastify.decorate('auditSealer', createAuditSealer({
    db,
    trails: auditTrails,
    secret: config.PATIENT_DATA_KEY ?? DEVELOPMENT_KEY,
    now: () => clock.now(),
    onSeal: (seal) => fastify.log.info({ auditSeal: seal }, 'audit trail sealed'),
  }))
}, { name: 'audit-sealer', dependencies: ['db', 'clock'] })
