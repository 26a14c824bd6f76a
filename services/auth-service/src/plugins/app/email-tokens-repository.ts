import { and, desc, eq, gt, isNull, lt, type SQL } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { emailTokens, type EmailTokenPurpose, type EmailTokenRow } from '../../db/schema.js'
import type { AuthDb } from './db.js'

/** Used, voided and expired tokens are kept this long (days) for support questions, then purged. */
const KEEP_DAYS = 7

export function createEmailTokensRepository (db: AuthDb) {
  /** Still usable at `now`: not used, not voided, not expired. */
  const usable = (tokenHash: string, purpose: EmailTokenPurpose, now: Date) => and(
    eq(emailTokens.tokenHash, tokenHash), eq(emailTokens.purpose, purpose),
    isNull(emailTokens.usedAt), isNull(emailTokens.voidedAt), gt(emailTokens.expiresAt, now),
  )
  const unusedOf = (userId: string, purpose: EmailTokenPurpose | undefined): SQL => and(
    eq(emailTokens.userId, userId), isNull(emailTokens.usedAt), isNull(emailTokens.voidedAt),
    purpose ? eq(emailTokens.purpose, purpose) : undefined,
  )!

  return {
    async create (tx: AuthDb, values: Pick<EmailTokenRow, 'userId' | 'purpose' | 'tokenHash' | 'email' | 'expiresAt'>): Promise<void> {
      await tx.insert(emailTokens).values(values)
    },

    async find (tokenHash: string, purpose: EmailTokenPurpose, now: Date, tx: AuthDb = db): Promise<EmailTokenRow | undefined> {
      const [row] = await tx.select().from(emailTokens).where(usable(tokenHash, purpose, now)).limit(1)
      return row
    },

    /** The address of the user's newest usable token of a purpose (an email change waiting for its link), or null. */
    async pendingEmail (userId: string, purpose: EmailTokenPurpose, now: Date, tx: AuthDb = db): Promise<string | null> {
      const [row] = await tx.select({ email: emailTokens.email }).from(emailTokens)
        .where(and(unusedOf(userId, purpose), gt(emailTokens.expiresAt, now)))
        .orderBy(desc(emailTokens.createdAt))
        .limit(1)
      return row?.email ?? null
    },

    /** One conditional update: of concurrent calls with one token, exactly one gets the row. */
    async consume (tx: AuthDb, tokenHash: string, purpose: EmailTokenPurpose, now: Date): Promise<EmailTokenRow | undefined> {
      const [row] = await tx.update(emailTokens).set({ usedAt: now }).where(usable(tokenHash, purpose, now)).returning()
      return row
    },

    /** Voids the user's unused tokens (of one purpose, or all). */
    async voidAll (tx: AuthDb, userId: string, purpose: EmailTokenPurpose | undefined, now: Date): Promise<void> {
      await tx.update(emailTokens).set({ voidedAt: now }).where(unusedOf(userId, purpose))
    },

    /** Housekeeping: tokens expired more than KEEP_DAYS ago. */
    async purge (now: Date = new Date()): Promise<void> {
      await db.delete(emailTokens).where(lt(emailTokens.expiresAt, new Date(now.getTime() - KEEP_DAYS * 86_400_000)))
    },
  }
}

export type EmailTokensRepository = ReturnType<typeof createEmailTokensRepository>

declare module 'fastify' {
  interface FastifyInstance {
    emailTokensRepository: EmailTokensRepository
  }
}

export default fp(async function emailTokensRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('emailTokensRepository', createEmailTokensRepository(fastify.db))
}, { name: 'email-tokens-repository', dependencies: ['db'] })
