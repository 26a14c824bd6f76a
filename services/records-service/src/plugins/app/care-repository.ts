import { and, count, desc, eq, gt, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import { offsetOf, type PaginationQuery } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { activeCareSql } from '../../db/care.js'
import { careRelationships, doctors, emergencyAccess, patients, type CareRelationshipRow, type EmergencyAccessRow } from '../../db/schema.js'
import type { RecordsDb } from './db.js'

export type CareSource = CareRelationshipRow['source']
export type ReviewOutcome = NonNullable<EmergencyAccessRow['reviewOutcome']>

/** A relationship with its doctor's summary and whether it is in force now. */
export type CareRelationshipView = CareRelationshipRow & { doctorFullName: string, doctorSpecialization: string, active: boolean }
/** A grant with its patient and doctor, whether it is in force now and how many reads it served. */
export type EmergencyAccessView = EmergencyAccessRow & { patientMrn: string, patientFullName: string, doctorFullName: string, active: boolean, reads: number }

export interface NewRelationship {
  patientId: string
  doctorId: string
  source: CareSource
  grantedByUserId: string
  grantedByRole: CareRelationshipRow['grantedByRole']
  referredByDoctorId?: string | null
  note?: string | null
  startsAt: Date
  endsAt?: Date | null
}

const open = (now: Date) => or(isNull(careRelationships.endsAt), gt(careRelationships.endsAt, now))!
// Raw fragments take the time as text: the drivers map a Date only for a column's own comparisons.
const activeCare = (now: Date) => sql<boolean>`(${careRelationships.startsAt} <= ${now.toISOString()}::timestamptz and ${open(now)})`
const activeGrant = (now: Date) => sql<boolean>`(${emergencyAccess.startsAt} <= ${now.toISOString()}::timestamptz and ${emergencyAccess.endsAt} > ${now.toISOString()}::timestamptz)`

/**
 * EMERGENCY reads of the grant's doctor on the grant's patient (profile and records) while it was
 * in force. Audit rows carry the database's time, as does the grant's created_at, so the window
 * is created_at plus the grant's length (starts_at and ends_at are the clock's).
 */
const window = sql`l.at >= ${emergencyAccess.createdAt} and l.at < ${emergencyAccess.createdAt} + (${emergencyAccess.endsAt} - ${emergencyAccess.startsAt})`
const readsUnderGrant = sql<number>`(
  (select count(*) from patient_access_log l where l.patient_id = ${emergencyAccess.patientId} and l.actor_user_id = ${emergencyAccess.userId}
    and l.purpose = 'EMERGENCY' and l.outcome = 'ALLOWED' and ${window})
  + (select count(*) from record_access_log l join medical_records r on r.id = l.record_id where r.patient_id = ${emergencyAccess.patientId}
    and l.actor_user_id = ${emergencyAccess.userId} and l.purpose = 'EMERGENCY' and l.outcome = 'ALLOWED' and ${window}))::int`

export function createCareRepository (db: RecordsDb) {
  const relationships = (tx: RecordsDb, now: Date) => tx.select({
    relationship: careRelationships,
    doctorFullName: doctors.fullName,
    doctorSpecialization: doctors.specialization,
    active: activeCare(now),
  }).from(careRelationships).innerJoin(doctors, eq(doctors.id, careRelationships.doctorId))

  const grants = (tx: RecordsDb, now: Date) => tx.select({
    grant: emergencyAccess,
    patientMrn: patients.mrn,
    patientFullName: patients.fullName,
    doctorFullName: doctors.fullName,
    active: activeGrant(now),
    reads: readsUnderGrant,
  }).from(emergencyAccess)
    .innerJoin(patients, eq(patients.id, emergencyAccess.patientId))
    .innerJoin(doctors, eq(doctors.id, emergencyAccess.doctorId))

  type RelationshipRow = Awaited<ReturnType<ReturnType<typeof relationships>['execute']>>[number]
  type GrantRow = Awaited<ReturnType<ReturnType<typeof grants>['execute']>>[number]
  const toView = ({ relationship, ...rest }: RelationshipRow): CareRelationshipView => ({ ...relationship, ...rest, active: Boolean(rest.active) })
  const toGrant = ({ grant, ...rest }: GrantRow): EmergencyAccessView => ({ ...grant, ...rest, active: Boolean(rest.active), reads: Number(rest.reads) })

  return {
    /** Whether the doctor (by auth user id) is in the patient's care at `now`: the same rule as the reads (db/care.ts). */
    async isInCare (patientId: string, doctorUserId: string, now: Date, tx: RecordsDb = db): Promise<boolean> {
      const [row] = await tx.select({ yes: sql<boolean>`${activeCareSql(patientId, doctorUserId, now.toISOString())}` }).from(sql`(select 1) as one`)
      return Boolean(row?.yes)
    },

    /** The patient's care team: active first, then ended, newest first within each. */
    async listForPatient (patientId: string, now: Date, tx: RecordsDb = db): Promise<CareRelationshipView[]> {
      const rows = await relationships(tx, now).where(eq(careRelationships.patientId, patientId))
        .orderBy(desc(activeCare(now)), desc(careRelationships.startsAt), desc(careRelationships.createdAt), desc(careRelationships.id))
      return rows.map(toView)
    },

    async findRelationship (id: string, now: Date, tx: RecordsDb = db): Promise<CareRelationshipView | undefined> {
      const [row] = await relationships(tx, now).where(eq(careRelationships.id, id)).limit(1)
      return row && toView(row)
    },

    async create (values: NewRelationship, tx: RecordsDb = db): Promise<string> {
      const [row] = await tx.insert(careRelationships).values(values).returning({ id: careRelationships.id })
      return row!.id
    },

    /** Whether the doctor has an open (not ended) relationship of this source with the patient. */
    async hasOpen (patientId: string, doctorId: string, source: CareSource, now: Date, tx: RecordsDb = db): Promise<boolean> {
      const [row] = await tx.select({ id: careRelationships.id }).from(careRelationships)
        .where(and(eq(careRelationships.patientId, patientId), eq(careRelationships.doctorId, doctorId), eq(careRelationships.source, source), open(now))).limit(1)
      return row !== undefined
    },

    /**
     * An AUTHORED relationship for a record's doctor unless one is open already: one statement,
     * in the transaction that writes the record.
     */
    async ensureAuthored (patientId: string, doctorId: string, grantedBy: { userId: string, role: CareRelationshipRow['grantedByRole'] }, now: Date, tx: RecordsDb = db): Promise<void> {
      await tx.execute(sql`insert into ${careRelationships} (patient_id, doctor_id, source, granted_by_user_id, granted_by_role, starts_at)
        select ${patientId}, ${doctorId}, 'AUTHORED', ${grantedBy.userId}, ${grantedBy.role}, ${now.toISOString()}::timestamptz
        where not exists (select 1 from ${careRelationships} where ${and(eq(careRelationships.patientId, patientId), eq(careRelationships.doctorId, doctorId), eq(careRelationships.source, 'AUTHORED'), open(now))})`)
    },

    /** Ends the open relationships matching `where` at `now`; how many were ended. */
    async end (where: SQL, endedByUserId: string, now: Date, tx: RecordsDb = db): Promise<number> {
      const rows = await tx.update(careRelationships).set({ endsAt: now, endedByUserId })
        .where(and(where, open(now))).returning({ id: careRelationships.id })
      return rows.length
    },

    async createGrant (values: Pick<EmergencyAccessRow, 'patientId' | 'doctorId' | 'userId' | 'reason' | 'startsAt' | 'endsAt'>, tx: RecordsDb = db): Promise<string> {
      const [row] = await tx.insert(emergencyAccess).values(values).returning({ id: emergencyAccess.id })
      return row!.id
    },

    async findGrant (id: string, now: Date, tx: RecordsDb = db): Promise<EmergencyAccessView | undefined> {
      const [row] = await grants(tx, now).where(eq(emergencyAccess.id, id)).limit(1)
      return row && toGrant(row)
    },

    /** The grants on one patient, newest first. */
    async grantsForPatient (patientId: string, now: Date, tx: RecordsDb = db): Promise<EmergencyAccessView[]> {
      const rows = await grants(tx, now).where(eq(emergencyAccess.patientId, patientId)).orderBy(desc(emergencyAccess.createdAt), desc(emergencyAccess.id))
      return rows.map(toGrant)
    },

    /** The review queue: pending (oldest first, the order to work through them), reviewed or all (newest first). */
    async listGrants (status: 'pending' | 'reviewed' | 'all', page: PaginationQuery, now: Date, tx: RecordsDb = db): Promise<{ rows: EmergencyAccessView[], total: number }> {
      const where = status === 'pending' ? isNull(emergencyAccess.reviewOutcome) : status === 'reviewed' ? isNotNull(emergencyAccess.reviewOutcome) : undefined
      const order = status === 'pending' ? [emergencyAccess.createdAt, emergencyAccess.id] : [desc(emergencyAccess.createdAt), desc(emergencyAccess.id)]
      const [rows, [totals]] = await Promise.all([
        grants(tx, now).where(where).orderBy(...order).limit(page.limit).offset(offsetOf(page)),
        tx.select({ total: count() }).from(emergencyAccess).where(where),
      ])
      return { rows: rows.map(toGrant), total: totals?.total ?? 0 }
    },

    /** Records the review unless the grant has one already; false when it had (or does not exist). */
    async review (id: string, review: { outcome: ReviewOutcome, note: string, reviewedByUserId: string, reviewedAt: Date }, tx: RecordsDb = db): Promise<boolean> {
      const rows = await tx.update(emergencyAccess)
        .set({ reviewOutcome: review.outcome, reviewNote: review.note, reviewedByUserId: review.reviewedByUserId, reviewedAt: review.reviewedAt })
        .where(and(eq(emergencyAccess.id, id), isNull(emergencyAccess.reviewOutcome))).returning({ id: emergencyAccess.id })
      return rows.length > 0
    },
  }
}

export type CareRepository = ReturnType<typeof createCareRepository>

declare module 'fastify' {
  interface FastifyInstance {
    careRepository: CareRepository
  }
}

export default fp(async function careRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('careRepository', createCareRepository(fastify.db))
}, { name: 'care-repository', dependencies: ['db'] })
