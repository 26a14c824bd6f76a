import { asc, count, eq, ilike } from 'drizzle-orm'
import { offsetOf } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { patients, type PatientRow } from '../../db/schema.js'
import { containsPattern } from '@rekam/db'
import type { Patient, PatientListQuery, PatientProfile } from '../../schemas/patient.js'
import type { RecordsDb } from './db.js'

export function toPatient (row: PatientRow): Patient {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() }
}

export function createPatientsRepository (db: RecordsDb) {
  return {
    async findById (id: string, tx: RecordsDb = db): Promise<PatientRow | undefined> {
      const [row] = await tx.select().from(patients).where(eq(patients.id, id)).limit(1)
      return row
    },

    async findByUserId (userId: string, tx: RecordsDb = db): Promise<PatientRow | undefined> {
      const [row] = await tx.select().from(patients).where(eq(patients.userId, userId)).limit(1)
      return row
    },

    /** Creates the user's profile or replaces it: one statement, so two concurrent PUTs cannot both insert. */
    async upsertForUser (userId: string, profile: PatientProfile, tx: RecordsDb = db): Promise<PatientRow> {
      const values = {
        fullName: profile.fullName,
        dateOfBirth: profile.dateOfBirth,
        gender: profile.gender ?? null,
        phone: profile.phone ?? null,
        address: profile.address ?? null,
      }
      const [row] = await tx.insert(patients).values({ userId, ...values })
        .onConflictDoUpdate({ target: patients.userId, set: { ...values, updatedAt: new Date() } })
        .returning()
      return row!
    },

    async list (query: PatientListQuery, tx: RecordsDb = db): Promise<{ rows: PatientRow[], total: number }> {
      const where = query.search ? ilike(patients.fullName, containsPattern(query.search)) : undefined
      const [rows, [totals]] = await Promise.all([
        tx.select().from(patients).where(where).orderBy(asc(patients.fullName), asc(patients.id))
          .limit(query.limit).offset(offsetOf(query)),
        tx.select({ total: count() }).from(patients).where(where),
      ])
      return { rows, total: totals?.total ?? 0 }
    },
  }
}

export type PatientsRepository = ReturnType<typeof createPatientsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    patientsRepository: PatientsRepository
  }
}

export default fp(async function patientsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('patientsRepository', createPatientsRepository(fastify.db))
}, { name: 'patients-repository', dependencies: ['db'] })
