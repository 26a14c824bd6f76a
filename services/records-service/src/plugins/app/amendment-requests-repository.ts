import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm'
import { offsetOf, type PaginationQuery } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { amendmentRequests, medicalRecords, type AmendmentRequestRow } from '../../db/schema.js'
import type { RecordsDb } from './db.js'

type Status = AmendmentRequestRow['status']

/** A decision on a pending request. */
export interface Decision {
  status: Exclude<Status, 'PENDING'>
  decidedByUserId: string
  decidedAt: Date
  decisionReason: string | null
  resultingVersion?: number | null
}

/** Patients' requests to amend their records (the table is in schema.ts). */
export function createAmendmentRequestsRepository (db: RecordsDb) {
  return {
    async create (values: { recordId: string, patientId: string, requestedByUserId: string, text: string, createdAt: Date }, tx: RecordsDb = db): Promise<AmendmentRequestRow> {
      const [row] = await tx.insert(amendmentRequests).values(values).returning()
      return row!
    },

    /** The request of that record, locked until the transaction ends (a decision is taken once). */
    async lock (recordId: string, id: string, tx: RecordsDb): Promise<AmendmentRequestRow | undefined> {
      const [row] = await tx.select().from(amendmentRequests)
        .where(and(eq(amendmentRequests.id, id), eq(amendmentRequests.recordId, recordId))).for('update').limit(1)
      return row
    },

    async decide (id: string, decision: Decision, tx: RecordsDb): Promise<AmendmentRequestRow> {
      const [row] = await tx.update(amendmentRequests).set(decision).where(eq(amendmentRequests.id, id)).returning()
      return row!
    },

    /** Every request on a record, oldest first: a record's history shows them beside its versions. */
    async listForRecord (recordId: string, tx: RecordsDb = db): Promise<AmendmentRequestRow[]> {
      return tx.select().from(amendmentRequests).where(eq(amendmentRequests.recordId, recordId)).orderBy(asc(amendmentRequests.createdAt), asc(amendmentRequests.id))
    },

    /** A page of requests, oldest first: of one doctor's records (`doctorId`) or all, of one status or all. */
    async listQueue (filter: { doctorId?: string, status?: Status | undefined }, page: PaginationQuery, tx: RecordsDb = db): Promise<{ rows: AmendmentRequestRow[], total: number }> {
      const conditions: SQL[] = []
      if (filter.doctorId) conditions.push(eq(medicalRecords.doctorId, filter.doctorId))
      if (filter.status) conditions.push(eq(amendmentRequests.status, filter.status))
      const where = and(...conditions)
      const [rows, [totals]] = await Promise.all([
        tx.select({ request: amendmentRequests }).from(amendmentRequests).innerJoin(medicalRecords, eq(medicalRecords.id, amendmentRequests.recordId))
          .where(where).orderBy(filter.status === 'PENDING' ? asc(amendmentRequests.createdAt) : desc(amendmentRequests.createdAt), asc(amendmentRequests.id))
          .limit(page.limit).offset(offsetOf(page)),
        tx.select({ total: count() }).from(amendmentRequests).innerJoin(medicalRecords, eq(medicalRecords.id, amendmentRequests.recordId)).where(where),
      ])
      return { rows: rows.map((row) => row.request), total: totals?.total ?? 0 }
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
