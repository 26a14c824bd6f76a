import { and, eq, gt, isNull, lt } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { setPasswordTokens, users, type UserRow } from '../../db/schema.js'
import type { AuthDb } from './db.js'

/** Used and expired links are kept this long (days) for support questions, then purged. */
const KEEP_DAYS = 7

export function createSetPasswordTokensRepository (db: AuthDb) {
  /** Still usable at `now`: not used, not expired. */
  const usable = (tokenHash: string, now: Date) =>
    and(eq(setPasswordTokens.tokenHash, tokenHash), isNull(setPasswordTokens.usedAt), gt(setPasswordTokens.expiresAt, now))

  return {
    async create (values: { userId: string, tokenHash: string, expiresAt: Date, createdBy: string | null }, tx: AuthDb = db): Promise<void> {
      await tx.insert(setPasswordTokens).values(values)
    },

    /** The account a usable token belongs to, read without using it. */
    async findUser (tokenHash: string, now: Date, tx: AuthDb = db): Promise<UserRow | undefined> {
      const [row] = await tx.select({ user: users }).from(setPasswordTokens)
        .innerJoin(users, eq(users.id, setPasswordTokens.userId))
        .where(usable(tokenHash, now)).limit(1)
      return row?.user
    },

    /**
     * Marks a usable token used; the user id when it was, undefined otherwise. One conditional
     * update: of concurrent calls with one token, exactly one sees its row still unused.
     */
    async consume (tokenHash: string, now: Date, tx: AuthDb = db): Promise<string | undefined> {
      const [row] = await tx.update(setPasswordTokens).set({ usedAt: now })
        .where(usable(tokenHash, now)).returning({ userId: setPasswordTokens.userId })
      return row?.userId
    },

    /** Housekeeping: links expired more than KEEP_DAYS ago. */
    async purge (now: Date = new Date()): Promise<void> {
      await db.delete(setPasswordTokens).where(lt(setPasswordTokens.expiresAt, new Date(now.getTime() - KEEP_DAYS * 86_400_000)))
    },
  }
}

export type SetPasswordTokensRepository = ReturnType<typeof createSetPasswordTokensRepository>

declare module 'fastify' {
  interface FastifyInstance {
    setPasswordTokensRepository: SetPasswordTokensRepository
  }
}

export default fp(async function setPasswordTokensRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('setPasswordTokensRepository', createSetPasswordTokensRepository(fastify.db))
}, { name: 'set-password-tokens-repository', dependencies: ['db'] })
