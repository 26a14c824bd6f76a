import { eq, lt, sql } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { mfaTickets, type MfaTicketRow } from '../../db/schema.js'
import type { AuthDb } from './db.js'

/** Sign-in tickets: only their SHA-256 is stored; a used or expired one is purged after a day. */
export function createMfaTicketsRepository (db: AuthDb) {
  return {
    async create (values: { tokenHash: string, userId: string, kind: MfaTicketRow['kind'], amr: string[], expiresAt: Date }, tx: AuthDb = db): Promise<void> {
      await tx.insert(mfaTickets).values(values)
    },

    /** The ticket with this hash, read without a lock. */
    async find (tokenHash: string, tx: AuthDb = db): Promise<MfaTicketRow | undefined> {
      const [row] = await tx.select().from(mfaTickets).where(eq(mfaTickets.tokenHash, tokenHash)).limit(1)
      return row
    },

    /** The ticket with this hash, locked until the transaction ends (used or not, expired or not). */
    async lock (tokenHash: string, tx: AuthDb): Promise<MfaTicketRow | undefined> {
      const [row] = await tx.select().from(mfaTickets).where(eq(mfaTickets.tokenHash, tokenHash)).for('update').limit(1)
      return row
    },

    async markUsed (id: string, at: Date, tx: AuthDb): Promise<void> {
      await tx.update(mfaTickets).set({ usedAt: at }).where(eq(mfaTickets.id, id))
    },

    /** Counts a wrong code; the ticket's failures so far. */
    async addFailure (id: string, tx: AuthDb): Promise<number> {
      const [row] = await tx.update(mfaTickets).set({ failures: sql`${mfaTickets.failures} + 1` }).where(eq(mfaTickets.id, id)).returning({ failures: mfaTickets.failures })
      return row?.failures ?? 0
    },

    /** Housekeeping: tickets that ended more than a day ago. */
    async purge (now: Date = new Date()): Promise<void> {
      await db.delete(mfaTickets).where(lt(mfaTickets.expiresAt, new Date(now.getTime() - 86_400_000)))
    },
  }
}

export type MfaTicketsRepository = ReturnType<typeof createMfaTicketsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    mfaTicketsRepository: MfaTicketsRepository
  }
}

export default fp(async function mfaTicketsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('mfaTicketsRepository', createMfaTicketsRepository(fastify.db))
}, { name: 'mfa-tickets-repository', dependencies: ['db'] })
