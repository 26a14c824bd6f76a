import { and, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { mfaFactors, webauthnChallenges, type MfaFactorRow } from '../../db/schema.js'
import type { AuthDb } from './db.js'

/** What an options endpoint handed out a challenge for; a verify spends only a challenge of its own purpose. */
export type ChallengePurpose = 'registration' | 'authentication' | 'passkey'

/** A verified registration, ready to be stored as an active factor. */
export interface NewPasskey {
  userId: string
  name: string
  credentialId: string
  publicKey: string
  signCount: number
  transports: string[]
  backedUp: boolean
  confirmedAt: Date
}

/** Passkeys (WebAuthn credentials, kept as factors of type webauthn) and their challenges. */
export function createWebauthnRepository (db: AuthDb) {
  return {
    async createChallenge (values: { challenge: string, userId: string | null, purpose: ChallengePurpose, expiresAt: Date }, tx: AuthDb = db): Promise<void> {
      await tx.insert(webauthnChallenges).values(values)
    },

    /**
     * Spends a live challenge of this purpose (and user; none for a passkey sign-in): it is
     * deleted, so a second verify with it finds nothing. False when unknown, spent or expired.
     */
    async takeChallenge (challenge: string, purpose: ChallengePurpose, userId: string | null, at: Date, tx: AuthDb): Promise<boolean> {
      const rows = await tx.delete(webauthnChallenges).where(and(
        eq(webauthnChallenges.challenge, challenge),
        eq(webauthnChallenges.purpose, purpose),
        userId === null ? isNull(webauthnChallenges.userId) : eq(webauthnChallenges.userId, userId),
        gt(webauthnChallenges.expiresAt, at),
      )).returning({ id: webauthnChallenges.id })
      return rows.length === 1
    },

    /** The user's passkeys (with key material: for options and checks, never for an answer). */
    async passkeysOf (userId: string, tx: AuthDb = db): Promise<MfaFactorRow[]> {
      return tx.select().from(mfaFactors)
        .where(and(eq(mfaFactors.userId, userId), eq(mfaFactors.type, 'webauthn'), isNotNull(mfaFactors.confirmedAt)))
    },

    /** The active passkey with this credential id, locked until the transaction ends. */
    async lockByCredentialId (credentialId: string, tx: AuthDb): Promise<MfaFactorRow | undefined> {
      const [row] = await tx.select().from(mfaFactors)
        .where(and(eq(mfaFactors.credentialId, credentialId), eq(mfaFactors.type, 'webauthn'), isNotNull(mfaFactors.confirmedAt)))
        .for('update').limit(1)
      return row
    },

    /** The user an active passkey belongs to, read without a lock. */
    async ownerOf (credentialId: string, tx: AuthDb = db): Promise<string | undefined> {
      const [row] = await tx.select({ userId: mfaFactors.userId }).from(mfaFactors)
        .where(and(eq(mfaFactors.credentialId, credentialId), eq(mfaFactors.type, 'webauthn'), isNotNull(mfaFactors.confirmedAt))).limit(1)
      return row?.userId
    },

    async create (values: NewPasskey, tx: AuthDb): Promise<MfaFactorRow> {
      const [row] = await tx.insert(mfaFactors).values({ ...values, type: 'webauthn' }).returning()
      return row!
    },

    /**
     * Records a verified assertion: the authenticator's new counter (kept only when it moved
     * forward, or stays 0 for authenticators without one), its backup state, when it was used.
     * False when another request moved the counter past it in the meantime.
     */
    async use (id: string, counter: number, backedUp: boolean, at: Date, tx: AuthDb): Promise<boolean> {
      const rows = await tx.update(mfaFactors)
        .set({ signCount: counter, backedUp, lastUsedAt: at })
        .where(and(eq(mfaFactors.id, id), or(lt(mfaFactors.signCount, counter), and(eq(mfaFactors.signCount, 0), sql`${counter} = 0`))))
        .returning({ id: mfaFactors.id })
      return rows.length === 1
    },

    /** Challenges nobody came back for. */
    async purge (at = new Date()): Promise<void> {
      await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, at))
    },
  }
}

export type WebauthnRepository = ReturnType<typeof createWebauthnRepository>

declare module 'fastify' {
  interface FastifyInstance {
    webauthnRepository: WebauthnRepository
  }
}

export default fp(async function webauthnRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('webauthnRepository', createWebauthnRepository(fastify.db))
}, { name: 'webauthn-repository', dependencies: ['db'] })
