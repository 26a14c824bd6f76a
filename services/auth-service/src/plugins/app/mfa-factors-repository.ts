import { and, asc, count, eq, isNotNull, isNull, lt, or } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { mfaFactors, recoveryCodes, type MfaFactorRow } from '../../db/schema.js'
import type { AuthDb } from './db.js'

/** A factor's row without its secret material: what may leave this module for listing. */
export type MfaFactorSummary = Pick<MfaFactorRow, 'id' | 'type' | 'name' | 'createdAt' | 'confirmedAt' | 'lastUsedAt'>

const summaryColumns = {
  id: mfaFactors.id,
  type: mfaFactors.type,
  name: mfaFactors.name,
  createdAt: mfaFactors.createdAt,
  confirmedAt: mfaFactors.confirmedAt,
  lastUsedAt: mfaFactors.lastUsedAt,
}

/** Second factors and recovery codes of users. */
export function createMfaFactorsRepository (db: AuthDb) {
  const active = (userId: string) => and(eq(mfaFactors.userId, userId), isNotNull(mfaFactors.confirmedAt))

  return {
    /** The user's confirmed factors, oldest first, without secrets. */
    async listActive (userId: string, tx: AuthDb = db): Promise<MfaFactorSummary[]> {
      return tx.select(summaryColumns).from(mfaFactors).where(active(userId)).orderBy(asc(mfaFactors.createdAt), asc(mfaFactors.id))
    },

    /** The user's confirmed factors of one type, with their secret material (for checking a code). */
    async activeOfType (userId: string, type: MfaFactorRow['type'], tx: AuthDb = db): Promise<MfaFactorRow[]> {
      return tx.select().from(mfaFactors).where(and(active(userId), eq(mfaFactors.type, type)))
    },

    async countActive (userId: string, tx: AuthDb = db): Promise<number> {
      const [row] = await tx.select({ n: count() }).from(mfaFactors).where(active(userId))
      return row?.n ?? 0
    },

    /** A TOTP factor waiting for its first code; the user's earlier unconfirmed ones go. */
    async createPendingTotp (values: { userId: string, name: string, secretSealed: string }, tx: AuthDb = db): Promise<MfaFactorRow> {
      await tx.delete(mfaFactors).where(and(eq(mfaFactors.userId, values.userId), eq(mfaFactors.type, 'totp'), isNull(mfaFactors.confirmedAt)))
      const [row] = await tx.insert(mfaFactors).values({ ...values, type: 'totp' }).returning()
      return row!
    },

    /** One of the user's factors, confirmed or not, locked for the rest of the transaction. */
    async lockOwn (id: string, userId: string, tx: AuthDb): Promise<MfaFactorRow | undefined> {
      const [row] = await tx.select().from(mfaFactors).where(and(eq(mfaFactors.id, id), eq(mfaFactors.userId, userId))).for('update').limit(1)
      return row
    },

    /**
     * Spends a TOTP time step: true only when the step is later than any accepted before, so a
     * code is accepted once even when two requests bring it at the same moment. Confirms a
     * pending factor.
     */
    async useStep (id: string, step: number, at: Date, tx: AuthDb = db): Promise<boolean> {
      const rows = await tx.update(mfaFactors)
        .set({ lastUsedStep: step, lastUsedAt: at })
        .where(and(eq(mfaFactors.id, id), or(isNull(mfaFactors.lastUsedStep), lt(mfaFactors.lastUsedStep, step))))
        .returning({ id: mfaFactors.id })
      return rows.length === 1
    },

    async confirm (id: string, at: Date, tx: AuthDb = db): Promise<void> {
      await tx.update(mfaFactors).set({ confirmedAt: at }).where(eq(mfaFactors.id, id))
    },

    /** Removes one of the user's factors; false when it is not theirs. */
    async remove (id: string, userId: string, tx: AuthDb = db): Promise<boolean> {
      const rows = await tx.delete(mfaFactors).where(and(eq(mfaFactors.id, id), eq(mfaFactors.userId, userId))).returning({ id: mfaFactors.id })
      return rows.length === 1
    },

    /** Every factor and recovery code of the user (an admin's reset); the number of factors removed. */
    async removeAll (userId: string, tx: AuthDb): Promise<number> {
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
      const rows = await tx.delete(mfaFactors).where(eq(mfaFactors.userId, userId)).returning({ id: mfaFactors.id })
      return rows.length
    },

    /** A new set of recovery codes (their hashes) replaces the old set; an empty set voids them. */
    async replaceRecoveryCodes (userId: string, codeHashes: string[], tx: AuthDb): Promise<void> {
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
      if (codeHashes.length > 0) await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })))
    },

    /** Spends one unused recovery code of the user; false when it is unknown, used or not theirs. */
    async useRecoveryCode (userId: string, codeHash: string, at: Date, tx: AuthDb = db): Promise<boolean> {
      const rows = await tx.update(recoveryCodes).set({ usedAt: at })
        .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id })
      return rows.length === 1
    },

    async countUnusedRecoveryCodes (userId: string, tx: AuthDb = db): Promise<number> {
      const [row] = await tx.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
      return row?.n ?? 0
    },
  }
}

export type MfaFactorsRepository = ReturnType<typeof createMfaFactorsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    mfaFactorsRepository: MfaFactorsRepository
  }
}

export default fp(async function mfaFactorsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('mfaFactorsRepository', createMfaFactorsRepository(fastify.db))
}, { name: 'mfa-factors-repository', dependencies: ['db'] })
