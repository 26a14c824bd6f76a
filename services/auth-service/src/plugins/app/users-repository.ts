import { and, asc, count, desc, eq, ilike, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import { containsPattern } from '@rekam/db'
import { offsetOf } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { users, type UserRow } from '../../db/schema.js'
import type { UserListQuery } from '../../schemas/user.js'
import type { AuthDb } from './db.js'

export function createUsersRepository (db: AuthDb) {
  return {
    async findById (id: string, tx: AuthDb = db): Promise<UserRow | undefined> {
      const [row] = await tx.select().from(users).where(eq(users.id, id)).limit(1)
      return row
    },

    async findByLogin (login: { username?: string | undefined, email?: string | undefined }, tx: AuthDb = db): Promise<UserRow | undefined> {
      const where = login.username !== undefined
        ? eq(users.username, login.username.toLowerCase())
        : eq(users.email, (login.email ?? '').toLowerCase())
      const [row] = await tx.select().from(users).where(where).limit(1)
      return row
    },

    async create (values: {
      id?: string,
      username: string,
      email: string,
      passwordHash: string | null,
      fullName: string | null,
      role?: UserRow['role'],
      locale?: UserRow['locale'],
      emailVerifiedAt?: Date | null,
    }, tx: AuthDb = db): Promise<UserRow> {
      const [row] = await tx.insert(users).values({
        ...values,
        username: values.username.toLowerCase(),
        email: values.email.toLowerCase(),
      }).returning()
      return row!
    },

    /** The account row locked until the transaction ends; undefined for an unknown or deleted account. */
    async lockLive (id: string, tx: AuthDb): Promise<UserRow | undefined> {
      const [row] = await tx.select().from(users).where(and(eq(users.id, id), isNull(users.deletedAt))).for('update')
      return row
    },

    /** Accounts whose deletion was requested at or before `cutoff` and that are not erased yet, oldest request first. */
    async dueForDeletion (cutoff: Date, limit: number, tx: AuthDb = db): Promise<string[]> {
      const rows = await tx.select({ id: users.id }).from(users)
        .where(and(lte(users.deletionRequestedAt, cutoff), isNull(users.deletedAt)))
        .orderBy(asc(users.deletionRequestedAt))
        .limit(limit)
      return rows.map((row) => row.id)
    },

    async update (id: string, values: Partial<Pick<UserRow, 'email' | 'fullName' | 'passwordHash' | 'role' | 'blocked' | 'locale' | 'emailVerifiedAt' | 'deletionRequestedAt'>>, tx: AuthDb = db): Promise<UserRow | undefined> {
      const [row] = await tx.update(users)
        .set({ ...values, ...(values.email ? { email: values.email.toLowerCase() } : {}), updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning()
      return row
    },

    /**
     * Marks the address verified if it is still the account's and not verified yet: the user, or
     * undefined when the account has another address by now (or was verified already).
     */
    async markEmailVerified (tx: AuthDb, id: string, email: string, at: Date): Promise<UserRow | undefined> {
      const [row] = await tx.update(users).set({ emailVerifiedAt: at, updatedAt: at })
        .where(and(eq(users.id, id), eq(users.email, email.toLowerCase()), isNull(users.emailVerifiedAt)))
        .returning()
      return row
    },

    async list (query: UserListQuery, tx: AuthDb = db): Promise<{ rows: UserRow[], total: number }> {
      // Deleted accounts are anonymised shells: no admin list shows them.
      const filters: SQL[] = [isNull(users.deletedAt)]
      if (query.search) {
        const pattern = containsPattern(query.search)
        filters.push(or(ilike(users.username, pattern), ilike(users.email, pattern), ilike(users.fullName, pattern))!)
      }
      if (query.role) filters.push(eq(users.role, query.role))
      if (query.blocked !== undefined) filters.push(eq(users.blocked, query.blocked))
      const where = and(...filters)
      const [rows, [totals]] = await Promise.all([
        tx.select().from(users).where(where)
          .orderBy(desc(users.createdAt), users.id)
          .limit(query.limit).offset(offsetOf(query)),
        tx.select({ total: count() }).from(users).where(where),
      ])
      return { rows, total: totals?.total ?? 0 }
    },

    /**
     * Locks every active (unblocked) ADMIN row until the transaction ends, so two admin changes
     * decide one after the other whether an active admin remains.
     */
    async lockActiveAdmins (tx: AuthDb): Promise<void> {
      await tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'ADMIN'), eq(users.blocked, false))).for('update')
    },

    async countActiveAdmins (tx: AuthDb = db): Promise<number> {
      const [row] = await tx.select({ total: count() }).from(users).where(and(eq(users.role, 'ADMIN'), eq(users.blocked, false)))
      return row?.total ?? 0
    },

    /** For the demo seed: true when no user has this id yet. */
    async exists (id: string, tx: AuthDb = db): Promise<boolean> {
      const [row] = await tx.select({ one: sql<number>`1` }).from(users).where(eq(users.id, id)).limit(1)
      return row !== undefined
    },
  }
}

export type UsersRepository = ReturnType<typeof createUsersRepository>

declare module 'fastify' {
  interface FastifyInstance {
    usersRepository: UsersRepository
  }
}

/** @see https://github.com/fastify/demo/blob/main/src/plugins/app/users/users-repository.ts */
export default fp(async function usersRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('usersRepository', createUsersRepository(fastify.db))
}, { name: 'users-repository', dependencies: ['db'] })
