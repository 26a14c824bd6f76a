import { and, eq, sql } from 'drizzle-orm'
import { defineStatement, placeholders, rowsOf } from '@rekam/db'
import { offsetOf } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { filterConditions, fromReadRow, listAndLogSql, live, mayReadSql, ownListAndLogSql, readAndLogSql, recordByIdQuery, type ReadRow, type RecordFilter, type RecordWithParties } from '../../db/record-statements.js'
import { doctorPurposeSql, inCareForListSql, inCareOrEmergencySql } from '../../db/care.js'
import { medicalRecords, patients, type AccessPurpose, type MedicalRecordRow } from '../../db/schema.js'
import type { RecordCreate } from '../../schemas/record.js'
import type { Actor } from '../../services/actor.js'
import type { RecordsDb } from './db.js'

/** What a change of a record may set beside its version: content, status, signature, entry in error. */
export type RecordChange = Partial<Pick<MedicalRecordRow, 'visitDate' | 'complaint' | 'diagnosis' | 'treatment' | 'prescription' | 'notes' | 'status' |
  'signedAt' | 'signedByUserId' | 'signature' | 'errorReason' | 'deletedAt'>> & { updatedAt: Date }

export function createRecordsRepository (db: RecordsDb) {
  // The hot statements, turned into SQL text once (see defineStatement).
  const readAndLogStatement = defineStatement<{ id: string, now: string } & Actor>(db, readAndLogSql(placeholders('id', 'userId', 'role', 'requestId', 'now')))
  const ownListAndLogStatement = defineStatement<{ ownerUserId: string, limit: number, offset: number, now: string } & Actor>(db,
    ownListAndLogSql(placeholders('ownerUserId', 'limit', 'offset', 'userId', 'role', 'requestId', 'now')))

  return {
    /** One round trip: the live record, its doctor and its patient. */
    async findById (id: string, tx: RecordsDb = db): Promise<RecordWithParties | undefined> {
      const [row] = await recordByIdQuery(tx, id)
      return row
    },

    /**
     * Whether the actor may read the record's access log (mayReadSql); undefined when there is no
     * such record. A soft-deleted record keeps its trail, readable by its patient and admins.
     */
    async mayReadLog (id: string, actor: Pick<Actor, 'userId' | 'role'>, tx: RecordsDb = db): Promise<boolean | undefined> {
      const [row] = await tx.select({ readable: sql<boolean>`${mayReadSql(patients.userId, actor)}` }).from(medicalRecords)
        .innerJoin(patients, eq(patients.id, medicalRecords.patientId))
        .where(eq(medicalRecords.id, id)).limit(1)
      return row?.readable
    },

    /**
     * The record and, when the actor may read it now (the care rule), its READ row with the
     * purpose: one statement (see readAndLogSql). `purpose` null: refused, nothing written. In a
     * transaction (`tx`) when more is read with it (a record's history).
     */
    async readAndLog (id: string, actor: Actor, now: Date, tx?: RecordsDb): Promise<{ row: RecordWithParties, purpose: AccessPurpose | null } | undefined> {
      const values = { id, now: now.toISOString(), ...actor }
      const result = tx ? await tx.execute(readAndLogSql(values)) : await readAndLogStatement(values)
      const [row] = rowsOf<ReadRow & { purpose: AccessPurpose | null }>(result)
      return row && { row: fromReadRow(row), purpose: row.purpose }
    },

    /**
     * A page of live records, newest visit first, with the total, and a READ row in the access log
     * for each record on the page: one statement. `ownerUserId` limits the page to the records of
     * that user's patient profile (none when they have no profile); a doctor sees only the
     * records of patients in their care, and a list of one patient's records also under an
     * emergency grant (its READ rows then say EMERGENCY).
     */
    async listAndLog (filter: RecordFilter & { ownerUserId?: string }, page: { page: number, limit: number }, actor: Actor, now: Date): Promise<{ rows: RecordWithParties[], total: number }> {
      const values = { limit: page.limit, offset: offsetOf(page), now: now.toISOString(), ...actor }
      const { ownerUserId, ...others } = filter
      // A patient's own list (the common case) has a statement built at start; staff filters vary.
      // A doctor sees the patients in their care; one patient's list also under an emergency grant.
      const oneUnderEmergency = actor.role === 'DOCTOR' && filter.patientId !== undefined
      const scope = oneUnderEmergency ? inCareOrEmergencySql : inCareForListSql
      const where = actor.role === 'DOCTOR' ? and(filterConditions(filter), scope(medicalRecords.patientId, actor, values.now))! : filterConditions(filter)
      const result = ownerUserId !== undefined && Object.values(others).every((value) => value === undefined)
        ? await ownListAndLogStatement({ ...values, ownerUserId })
        : await db.execute(listAndLogSql(where, values, oneUnderEmergency ? doctorPurposeSql(sql`page.patient_id`, actor, values.now) : undefined))
      const rows = rowsOf<ReadRow & { total: number }>(result)
      return {
        rows: rows.filter((row) => row.id !== null).map(fromReadRow),
        total: Number(rows[0]?.total ?? 0),
      }
    },

    async create (values: Omit<RecordCreate, 'doctorId'> & { doctorId: string }, tx: RecordsDb = db): Promise<MedicalRecordRow> {
      const [row] = await tx.insert(medicalRecords).values({
        ...values,
        prescription: values.prescription ?? null,
        notes: values.notes ?? null,
      }).returning()
      return row!
    },

    /**
     * The live record with its parties, its row locked until the transaction ends: a change reads
     * the version it checks (If-Match, status, author) and writes the next one with no other
     * change in between; concurrent changes of one record queue here.
     */
    async findForChange (id: string, tx: RecordsDb): Promise<RecordWithParties | undefined> {
      const [row] = await recordByIdQuery(tx, id).for('update', { of: medicalRecords })
      return row
    },

    /**
     * Writes the next version of the record over `version` (the one the caller checked, under
     * findForChange's lock): the new row, or undefined when the record is no longer at `version`.
     */
    async nextVersion (id: string, version: number, values: RecordChange, tx: RecordsDb): Promise<MedicalRecordRow | undefined> {
      const [row] = await tx.update(medicalRecords).set({ ...values, version: version + 1 })
        .where(and(eq(medicalRecords.id, id), eq(medicalRecords.version, version), live())).returning()
      return row
    },
  }
}

export type RecordsRepository = ReturnType<typeof createRecordsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    recordsRepository: RecordsRepository
  }
}

export default fp(async function recordsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('recordsRepository', createRecordsRepository(fastify.db))
}, { name: 'records-repository', dependencies: ['db'] })
