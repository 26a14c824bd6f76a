import { and, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { mailOutbox, type MailOutboxRow } from '../../db/schema.js'
import type { AuthDb } from './db.js'

/** Sent and dropped rows (bodies already erased) are kept this long (days) for support questions. */
const KEEP_DAYS = 30

/**
 * The advisory-lock class of outbox rows (the second key is the row id's hash): the enqueuing
 * transaction holds it until it ends, so a sender that waits for it runs right after the commit.
 */
const COMMIT_LOCK_CLASS = 18_0009

export type NewOutboxMail = Pick<MailOutboxRow, 'userId' | 'toAddress' | 'template' | 'locale' | 'subject' | 'textBody' | 'htmlBody' | 'nextAttemptAt' | 'expiresAt'>

export function createMailOutboxRepository (db: AuthDb) {
  const commitLock = (id: string) => sql`select pg_advisory_xact_lock(${COMMIT_LOCK_CLASS}, hashtext(${id}))`

  return {
    /** Inserts a mail in the caller's transaction and holds its commit lock until that ends. */
    async insert (tx: AuthDb, values: NewOutboxMail): Promise<string> {
      const [row] = await tx.insert(mailOutbox).values(values).returning({ id: mailOutbox.id })
      await tx.execute(commitLock(row!.id))
      return row!.id
    },

    /** Resolves once the transaction that inserted the mail has committed or rolled back. */
    async afterCommit (id: string): Promise<void> {
      await db.transaction(async (tx) => { await tx.execute(commitLock(id)) })
    },

    /**
     * Claims the next due mail until `lockedUntil`: not sent, not dropped, due, not claimed by a
     * live sender. SKIP LOCKED lets senders of several instances claim different rows at once.
     */
    async claimNext (now: Date, lockedUntil: Date): Promise<MailOutboxRow | undefined> {
      const due = db.select({ id: mailOutbox.id }).from(mailOutbox)
        .where(and(
          isNull(mailOutbox.sentAt),
          isNull(mailOutbox.droppedAt),
          lte(mailOutbox.nextAttemptAt, now),
          or(isNull(mailOutbox.lockedUntil), lte(mailOutbox.lockedUntil, now)),
        ))
        .orderBy(mailOutbox.nextAttemptAt, mailOutbox.createdAt)
        .limit(1)
        .for('update', { skipLocked: true })
      const [row] = await db.update(mailOutbox).set({ lockedUntil })
        .where(inArray(mailOutbox.id, due))
        .returning()
      return row
    },

    /** Delivered: the bodies (and their links) are erased. */
    async markSent (id: string, now: Date): Promise<void> {
      await db.update(mailOutbox)
        .set({ sentAt: now, textBody: null, htmlBody: null, lockedUntil: null, lastError: null })
        .where(and(eq(mailOutbox.id, id), isNull(mailOutbox.sentAt)))
    },

    async markFailed (id: string, failure: { attempts: number, nextAttemptAt: Date, lastError: string }): Promise<void> {
      await db.update(mailOutbox).set({ ...failure, lockedUntil: null }).where(eq(mailOutbox.id, id))
    },

    /** Expired before delivery: never sent, its bodies erased. */
    async drop (id: string, now: Date): Promise<void> {
      await db.update(mailOutbox).set({ droppedAt: now, textBody: null, htmlBody: null, lockedUntil: null }).where(eq(mailOutbox.id, id))
    },

    async findById (id: string): Promise<MailOutboxRow | undefined> {
      const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).limit(1)
      return row
    },

    /** Housekeeping: sent or dropped more than KEEP_DAYS ago. */
    async purge (now: Date = new Date()): Promise<void> {
      const before = new Date(now.getTime() - KEEP_DAYS * 86_400_000)
      await db.delete(mailOutbox).where(or(
        and(isNotNull(mailOutbox.sentAt), lt(mailOutbox.sentAt, before)),
        and(isNotNull(mailOutbox.droppedAt), lt(mailOutbox.droppedAt, before)),
      ))
    },
  }
}

export type MailOutboxRepository = ReturnType<typeof createMailOutboxRepository>

declare module 'fastify' {
  interface FastifyInstance {
    mailOutboxRepository: MailOutboxRepository
  }
}

export default fp(async function mailOutboxRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('mailOutboxRepository', createMailOutboxRepository(fastify.db))
}, { name: 'mail-outbox-repository', dependencies: ['db'] })
