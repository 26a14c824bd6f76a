import { and, asc, count, eq, ilike } from 'drizzle-orm'
import { offsetOf } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { doctors, type DoctorRow } from '../../db/schema.js'
import { containsPattern, escapeLike } from '@rekam/db'
import type { DoctorListQuery, DoctorProfile } from '../../schemas/doctor.js'
import type { RecordsDb } from './db.js'

export function createDoctorsRepository (db: RecordsDb) {
  return {
    async findById (id: string, tx: RecordsDb = db): Promise<DoctorRow | undefined> {
      const [row] = await tx.select().from(doctors).where(eq(doctors.id, id)).limit(1)
      return row
    },

    async findByUserId (userId: string, tx: RecordsDb = db): Promise<DoctorRow | undefined> {
      const [row] = await tx.select().from(doctors).where(eq(doctors.userId, userId)).limit(1)
      return row
    },

    async upsertForUser (userId: string, profile: DoctorProfile, tx: RecordsDb = db): Promise<DoctorRow> {
      const values = {
        fullName: profile.fullName,
        specialization: profile.specialization,
        licenseNumber: profile.licenseNumber ?? null,
      }
      const [row] = await tx.insert(doctors).values({ userId, ...values })
        .onConflictDoUpdate({ target: doctors.userId, set: { ...values, updatedAt: new Date() } })
        .returning()
      return row!
    },

    async list (query: DoctorListQuery, tx: RecordsDb = db): Promise<{ rows: DoctorRow[], total: number }> {
      const where = and(
        query.search ? ilike(doctors.fullName, containsPattern(query.search)) : undefined,
        query.specialization ? ilike(doctors.specialization, escapeLike(query.specialization)) : undefined,
      )
      const [rows, [totals]] = await Promise.all([
        tx.select().from(doctors).where(where).orderBy(asc(doctors.fullName), asc(doctors.id))
          .limit(query.limit).offset(offsetOf(query)),
        tx.select({ total: count() }).from(doctors).where(where),
      ])
      return { rows, total: totals?.total ?? 0 }
    },
  }
}

export type DoctorsRepository = ReturnType<typeof createDoctorsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    doctorsRepository: DoctorsRepository
  }
}

export default fp(async function doctorsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('doctorsRepository', createDoctorsRepository(fastify.db))
}, { name: 'doctors-repository', dependencies: ['db'] })
