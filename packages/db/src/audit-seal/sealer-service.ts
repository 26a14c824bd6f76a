import { hkdfSync } from 'node:crypto'
import type { Db } from '../create-database.js'
import { SEAL_BATCH, sealBatch, type SealWritten } from './sealer.js'
import type { AuditTrail } from './trail.js'
import { verifyTrail, type TrailReport } from './verify.js'

/** The seal key: HKDF-SHA256 of a service secret the database does not hold. */
export const deriveSealKey = (secret: string) => Buffer.from(hkdfSync('sha256', secret, 'rekam', 'audit-seal', 32))

export interface AuditSealerOptions {

  db: Db<any>
  trails: AuditTrail[]
  /** The service secret the seal key derives from (never stored in the database). */
  secret: string
  /** The time written into new seals. */
  now: () => Date
  /** Told of every seal written (the services log its hash at info: the exportable head). */
  onSeal?: (seal: SealWritten) => void
}

export interface VerifyReport {
  intact: boolean
  checkedAt: Date
  trails: TrailReport[]
}

/**
 * The sealer and verifier of a service's audit trails (docs/audit-trail.md). `seal()` is the
 * housekeeping job; `verify()` seals every pending row first, then walks every seal.
 */
export function createAuditSealer (options: AuditSealerOptions) {
  const { db, trails, now, onSeal } = options
  const key = deriveSealKey(options.secret)

  /**
   * Seals batch after batch while they come out full. A batch under SEAL_BATCH has reached the
   * rows committed when it ran; what arrived since waits for the next run. (Looping until a batch
   * finds nothing would chase a busy trail's tail without end: a small batch every few tens of
   * milliseconds, each scanning the late-commit window again.)
   */
  async function sealTrail (trail: AuditTrail, full: boolean): Promise<number> {
    let sealed = 0
    for (;;) {
      const seal = await sealBatch(db, trail, key, now(), full)
      if (!seal) return sealed
      sealed += seal.rowCount
      onSeal?.(seal)
      if (seal.rowCount < SEAL_BATCH) return sealed
    }
  }

  return {
    /** Seals the pending rows of every trail (the window after the last seal, or all with `full`); the rows sealed. */
    async seal ({ full = false }: { full?: boolean } = {}): Promise<number> {
      let sealed = 0
      for (const trail of trails) sealed += await sealTrail(trail, full)
      return sealed
    },

    async verify (): Promise<VerifyReport> {
      const checkedAt = now()
      for (const trail of trails) await sealTrail(trail, true)
      const reports: TrailReport[] = []
      for (const trail of trails) reports.push(await verifyTrail(db, trail, key))
      return { intact: reports.every((r) => r.firstMismatch === null), checkedAt, trails: reports }
    },
  }
}

export type AuditSealer = ReturnType<typeof createAuditSealer>
