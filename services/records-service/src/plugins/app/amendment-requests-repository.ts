import { asc, eq } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { amendmentRequests, type AmendmentRequestRow } from '../../db/schema.js'
import type { RecordsDb } from './db.js'

/** Patients' requests to amend their records (the table is in schema.ts). */
export function createAmendmentRequestsRepository (db: RecordsDb) {
  return {
    /** Every request on a record, oldest first: a record's history shows them beside its versions. */
    async listForRecord (recordId: string, tx: RecordsDb = db): Promise<AmendmentRequestRow[]> {
      return tx.select().from(amendmentRequests).where(eq(amendmentRequests.recordId, recordId))
        .orderBy(asc(amendmentRequests.createdAt), asc(amendmentRequests.id))
    },
  }
}

export type AmendmentRequestsRepository = ReturnType<typeof createAmendmentRequestsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    amendmentRequestsRepository: AmendmentRequestsRepository
  }
}

export default fp(async function amendmentRequestsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('amendmentRequestsRepository', createAmendmentRequestsRepository(fastify.db))
}, { name: 'amendment-requests-repository', dependencies: ['db'] })
