import { asc, and, eq } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { recordVersions, type MedicalRecordRow, type RecordContent, type RecordVersionKind, type RecordVersionRow } from '../../db/schema.js'
import type { Actor } from '../../services/actor.js'
import type { RecordsDb } from './db.js'

/** The clinical content of a record row: what a version keeps and a signature covers. */
export const contentOf = (row: Pick<MedicalRecordRow, keyof RecordContent>): RecordContent => ({
  visitDate: row.visitDate,
  complaint: row.complaint,
  diagnosis: row.diagnosis,
  treatment: row.treatment,
  prescription: row.prescription ?? null,
  notes: row.notes ?? null,
})

/** What a version says beyond the record's own state. */
export interface VersionDetails {
  kind: RecordVersionKind
  actor: Pick<Actor, 'userId' | 'role'>
  at: Date
  reason?: string | null | undefined
  amendsVersion?: number | null | undefined
  amendmentRequestId?: string | null | undefined
}

export function createRecordVersionsRepository (db: RecordsDb) {
  return {
    /**
     * Writes the version the record row now is (its version number, status, content and
     * signature), in the caller's transaction: every change of a record calls this beside its
     * audit row. A version is never changed afterwards.
     */
    async append (record: MedicalRecordRow, details: VersionDetails, tx: RecordsDb = db): Promise<RecordVersionRow> {
      const [row] = await tx.insert(recordVersions).values({
        recordId: record.id,
        version: record.version,
        kind: details.kind,
        status: record.status,
        content: contentOf(record),
        reason: details.reason ?? null,
        changedByUserId: details.actor.userId,
        changedByRole: details.actor.role,
        changedAt: details.at,
        signedAt: record.signedAt,
        signedByUserId: record.signedByUserId,
        signature: record.signature,
        amendsVersion: details.amendsVersion ?? null,
        amendmentRequestId: details.amendmentRequestId ?? null,
      }).returning()
      return row!
    },

    /** Every version of a record, oldest first. */
    async list (recordId: string, tx: RecordsDb = db): Promise<RecordVersionRow[]> {
      return tx.select().from(recordVersions).where(eq(recordVersions.recordId, recordId)).orderBy(asc(recordVersions.version))
    },

    async find (recordId: string, version: number, tx: RecordsDb = db): Promise<RecordVersionRow | undefined> {
      const [row] = await tx.select().from(recordVersions)
        .where(and(eq(recordVersions.recordId, recordId), eq(recordVersions.version, version))).limit(1)
      return row
    },
  }
}

export type RecordVersionsRepository = ReturnType<typeof createRecordVersionsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    recordVersionsRepository: RecordVersionsRepository
  }
}

export default fp(async function recordVersionsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('recordVersionsRepository', createRecordVersionsRepository(fastify.db))
}, { name: 'record-versions-repository', dependencies: ['db'] })
