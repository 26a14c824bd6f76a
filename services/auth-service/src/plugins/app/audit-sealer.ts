import { createAuditSealer, type AuditSealer } from '@rekam/db'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { auditTrails } from '../../db/audit-trails.js'
import { DEVELOPMENT_KEY } from './mfa.js'

export interface AuditSealerOptions {
  /** The clock in epoch ms (the seals' time); the system clock unless a test moves time. */
  now?: (() => number) | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    auditSealer: AuditSealer
  }
}

/**
 * Seals and verifies the security events (docs/audit-trail.md). The seal key derives from
 * MFA_ENCRYPTION_KEY (required in production), which the database does not hold: whoever can
 * only write the database cannot forge a seal. Each seal's hash is logged at info, so the log
 * keeps the trail's head outside the database.
 * @see packages/db/src/audit-seal
 */
export default fp<AuditSealerOptions>(async function auditSealerPlugin (fastify: FastifyInstance, opts) {
  const { config, db } = fastify
  const now = opts.now ?? Date.now
  fastify.decorate('auditSealer', createAuditSealer({
    db,
    trails: auditTrails,
    secret: config.MFA_ENCRYPTION_KEY ?? DEVELOPMENT_KEY,
    now: () => new Date(now()),
    onSeal: (seal) => fastify.log.info({ auditSeal: seal }, 'audit trail sealed'),
  }))
}, { name: 'audit-sealer', dependencies: ['db'] })
