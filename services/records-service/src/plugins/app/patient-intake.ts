import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm'
import { rowsOf } from '@rekam/db'
import { claimCodeInvalid, conflict, forbidden, isUniqueViolation, notFound, possibleDuplicate } from '@rekam/errors'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { patientReadsLogSql } from '../../db/access-log-statements.js'
import { activeCareSql } from '../../db/care.js'
import { similarName } from '../../db/similar-name.js'
import { careRelationships, patientClaimCodes, patients, type PatientRow } from '../../db/schema.js'
import type { IntakeSearch, PatientIntake, PatientRegistration } from '../../schemas/patient.js'
import type { Actor } from '../../services/actor.js'
import { formatClaimCode, newClaimCode, normaliseClaimCode } from '../../services/claim-codes.js'
import { refused } from '../../services/refusal.js'
import type { AccessLogRepository } from './access-log-repository.js'
import type { RecordsDb } from './db.js'
import type { DoctorsRepository } from './doctors-repository.js'
import type { PatientData } from './patient-data.js'
import { nextMrnSql } from './patients-repository.js'

/** The most patients one intake search returns (a name and birth date may match a few). */
export const INTAKE_SEARCH_LIMIT = 20

export interface PatientIntakeOptions {
  db: RecordsDb
  data: PatientData
  doctors: DoctorsRepository
  accessLog: AccessLogRepository
  now: () => Date
  mrnPrefix: string
  claimCodeHours: number
}

/**
 * Patients without accounts: registration at the front desk (with the NIK/BPJS uniqueness and
 * the duplicate check), intake search for a returning patient, and the claim codes with which
 * a patient links such a profile to their account.
 */
export function createPatientIntake ({ db, data, doctors, accessLog, now, mrnPrefix, claimCodeHours }: PatientIntakeOptions) {
  return {
    /**
     * Registers a patient without an account: 409 CONFLICT when the NIK or BPJS number is
     * registered already (naming that MRN), 409 POSSIBLE_DUPLICATE for a similar name with the
     * same birth date unless confirmed. A DOCTOR registering one is in their care from then on
     * (REGISTERED). The profile, its care row and its CREATE audit row are one transaction.
     */
    async register (body: PatientRegistration, actor: Actor): Promise<PatientRow> {
      const nikHash = data.hash('nik', body.nik)
      const bpjsHash = body.bpjsNumber ? data.hash('bpjs', body.bpjsNumber) : null
      try {
        return await db.transaction(async (tx) => {
          const [same] = await tx.select({ mrn: patients.mrn, nikHash: patients.nikHash }).from(patients)
            .where(bpjsHash ? or(eq(patients.nikHash, nikHash), eq(patients.bpjsHash, bpjsHash)) : eq(patients.nikHash, nikHash)).limit(1)
          if (same) {
            throw conflict(`A patient with this ${same.nikHash === nikHash ? 'NIK' : 'BPJS number'} is already registered: ${same.mrn}`)
          }
          if (!body.confirmDuplicates) {
            const [similar] = await tx.select({ id: patients.id }).from(patients)
              .where(and(eq(patients.dateOfBirth, body.dateOfBirth), similarName(body.fullName))).limit(1)
            if (similar) {
              throw possibleDuplicate('A patient with a similar name and the same date of birth is already registered: check them with POST /api/patients/intake-search { fullName, dateOfBirth }, then send confirmDuplicates: true to register anyway')
            }
          }
          const doctor = actor.role === 'DOCTOR' ? await doctors.findByUserId(actor.userId, tx) : undefined
          if (actor.role === 'DOCTOR' && !doctor) throw forbidden('Create your doctor profile first (PUT /api/doctors/me)')
          const [row] = await tx.insert(patients).values({
            mrn: nextMrnSql(mrnPrefix),
            fullName: body.fullName,
            dateOfBirth: body.dateOfBirth,
            gender: body.gender ?? null,
            phone: body.phone ?? null,
            address: body.address ?? null,
            email: body.email ?? null,
            nikEncrypted: data.seal(body.nik),
            nikHash,
            bpjsEncrypted: body.bpjsNumber ? data.seal(body.bpjsNumber) : null,
            bpjsHash,
            registeredByUserId: actor.userId,
          }).returning()
          if (doctor) {
            await tx.insert(careRelationships).values({
              patientId: row!.id, doctorId: doctor.id, source: 'REGISTERED', grantedByUserId: actor.userId, grantedByRole: 'DOCTOR', startsAt: now(),
            })
          }
          await accessLog.profile(row!.id, 'CREATE', actor, tx)
          return row!
        })
      } catch (error) {
        // Two desks registering the same NIK at once: the unique index decides.
        if (isUniqueViolation(error)) throw conflict('A patient with this NIK or BPJS number is already registered')
        throw error
      }
    },

    /**
     * Finds a returning patient by exact MRN, NIK or BPJS number, or by a similar name and the
     * same birth date; each patient returned gets a READ row with purpose INTAKE, written by the
     * statement that finds them.
     */
    async search (query: IntakeSearch, actor: Actor): Promise<PatientIntake[]> {
      let where: SQL
      if ('mrn' in query) where = sql`${patients.mrn} = ${query.mrn.trim().toUpperCase()}`
      else if ('nik' in query) where = sql`${patients.nikHash} = ${data.hash('nik', query.nik)}`
      else if ('bpjsNumber' in query) where = sql`${patients.bpjsHash} = ${data.hash('bpjs', query.bpjsNumber)}`
      else where = sql`${patients.dateOfBirth} = ${query.dateOfBirth} and ${similarName(query.fullName)}`
      const result = await db.execute(sql`
        with found as (
          select ${patients.id} as id, ${patients.mrn} as mrn, ${patients.fullName} as "fullName",
            ${patients.dateOfBirth}::text as "dateOfBirth", ${patients.gender} as gender, ${patients.userId} is not null as claimed
          from ${patients} where ${where}
          order by lower(${patients.fullName}), ${patients.mrn} limit ${INTAKE_SEARCH_LIMIT}
        ), logged as (${patientReadsLogSql('found', actor, { purpose: sql`'INTAKE'::access_purpose` })})
        select * from found order by lower("fullName"), mrn`)
      return rowsOf<PatientIntake>(result).map((row) => ({ ...row }))
    },

    /**
     * A new claim code for an unclaimed profile (ADMIN, or a DOCTOR with the patient in care):
     * the patient's unused codes are voided, only the code's hash is kept.
     */
    async issueClaimCode (patientId: string, actor: Actor): Promise<{ code: string, expiresAt: Date }> {
      const at = now()
      const inCare = actor.role === 'DOCTOR' ? activeCareSql(patients.id, actor.userId, at) : sql`${actor.role} = 'ADMIN'`
      const [patient] = await db.select({ userId: patients.userId, allowed: sql<boolean>`${inCare}` }).from(patients).where(eq(patients.id, patientId))
      if (!patient) throw notFound('Patient not found')
      if (!patient.allowed) throw refused('NOT_IN_CARE', 'Only an admin or a doctor caring for this patient issues its claim code')
      if (patient.userId !== null) throw conflict('This profile is already claimed by a patient account')
      const code = newClaimCode()
      const expiresAt = new Date(at.getTime() + claimCodeHours * 3_600_000)
      await db.transaction(async (tx) => {
        await tx.update(patientClaimCodes).set({ voidedAt: at })
          .where(and(eq(patientClaimCodes.patientId, patientId), isNull(patientClaimCodes.usedAt), isNull(patientClaimCodes.voidedAt)))
        await tx.insert(patientClaimCodes).values({ patientId, codeHash: data.hash('claim', code), createdByUserId: actor.userId, createdAt: at, expiresAt })
      })
      return { code: formatClaimCode(code), expiresAt }
    },

    /**
     * Links the profile of a claim code to the signed-in patient: 400 CLAIM_CODE_INVALID for a
     * code that is unknown, used, voided, expired or whose profile is claimed already; 409 when
     * the caller has a profile. The link, the code's use and an UPDATE audit row are one transaction.
     */
    async claim (input: string, actor: Actor): Promise<PatientRow> {
      const code = normaliseClaimCode(input)
      if (!code) throw claimCodeInvalid()
      const at = now()
      try {
        return await db.transaction(async (tx) => {
          const [own] = await tx.select({ id: patients.id }).from(patients).where(eq(patients.userId, actor.userId)).limit(1)
          if (own) throw conflict('You already have a patient profile')
          const [found] = await tx.select({ id: patientClaimCodes.id, patientId: patientClaimCodes.patientId })
            .from(patientClaimCodes).innerJoin(patients, eq(patients.id, patientClaimCodes.patientId))
            .where(and(
              eq(patientClaimCodes.codeHash, data.hash('claim', code)),
              isNull(patientClaimCodes.usedAt), isNull(patientClaimCodes.voidedAt),
              sql`${patientClaimCodes.expiresAt} > ${at.toISOString()}::timestamptz`,
              isNull(patients.userId),
            ))
            .for('update', { of: patientClaimCodes })
          if (!found) throw claimCodeInvalid()
          const [row] = await tx.update(patients).set({ userId: actor.userId, updatedAt: at })
            .where(and(eq(patients.id, found.patientId), isNull(patients.userId))).returning()
          if (!row) throw claimCodeInvalid()
          await tx.update(patientClaimCodes).set({ usedAt: at, usedByUserId: actor.userId }).where(eq(patientClaimCodes.id, found.id))
          await accessLog.profile(row.id, 'UPDATE', actor, tx)
          return row
        })
      } catch (error) {
        // The caller saved a profile of their own meanwhile (PUT /api/patients/me).
        if (isUniqueViolation(error)) throw conflict('You already have a patient profile')
        throw error
      }
    },
  }
}

export type PatientIntakeService = ReturnType<typeof createPatientIntake>

declare module 'fastify' {
  interface FastifyInstance {
    patientIntake: PatientIntakeService
  }
}

export default fp(async function patientIntakePlugin (fastify: FastifyInstance) {
  fastify.decorate('patientIntake', createPatientIntake({
    db: fastify.db,
    data: fastify.patientData,
    doctors: fastify.doctorsRepository,
    accessLog: fastify.accessLogRepository,
    now: () => fastify.clock.now(),
    mrnPrefix: fastify.config.MRN_PREFIX,
    claimCodeHours: fastify.config.CLAIM_CODE_HOURS,
  }))
}, { name: 'patient-intake', dependencies: ['db', 'clock', 'patient-data', 'doctors-repository', 'access-log-repository'] })
