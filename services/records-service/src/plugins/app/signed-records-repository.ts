import { eq } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { medicalRecords, type MedicalRecordRow, type RecordContent } from '../../db/schema.js'
import type { RecordsDb } from './db.js'

/** A record's next state: its content, version and signature (null fields for a draft). */
export type NextState = RecordContent & Pick<MedicalRecordRow, 'version' | 'status' | 'signedAt' | 'signedByUserId' | 'signature'>

/** The writes of signing and amending: the record row locked, then moved to its next version. */
export function createSignedRecordsRepository (db: RecordsDb) {
  return {
    /** The record (entered in error too), locked until the transaction ends: its version moves by one at a time. */
    async lock (id: string, tx: RecordsDb): Promise<MedicalRecordRow | undefined> {
      const [row] = await tx.select().from(medicalRecords).where(eq(medicalRecords.id, id)).for('update').limit(1)
      return row
    },

    async write (id: string, next: NextState, at: Date, tx: RecordsDb = db): Promise<MedicalRecordRow> {
      const [row] = await tx.update(medicalRecords).set({ ...next, updatedAt: at }).where(eq(medicalRecords.id, id)).returning()
      return row!
    },
  }
}

export type SignedRecordsRepository = ReturnType<typeof createSignedRecordsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    signedRecordsRepository: SignedRecordsRepository
  }
}

export default fp(async function signedRecordsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('signedRecordsRepository', createSignedRecordsRepository(fastify.db))
}, { name: 'signed-records-repository', dependencies: ['db'] })
