import type { AccessTokenClaims } from '@rekam/auth-verify'
import { conflict, notFound } from '@rekam/errors'
import { and, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { careRelationships, type DoctorRow, type PatientRow } from '../db/schema.js'
import type { CareRelationshipView, EmergencyAccessView } from '../plugins/app/care-repository.js'
import type { CareAssign, EmergencyListQuery, EmergencyReview } from '../schemas/care.js'
import { refused } from './refusal.js'

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000
const NO_PROFILE = 'No patient profile yet: create it with PUT /api/patients/me'
const NOT_IN_CARE = 'This patient is not in your care'

/**
 * Care relationships and break-the-glass: who may treat a patient, on whose word, and the
 * audited emergency path around it. The rule itself (who may read now) lives in db/care.ts and
 * runs inside the reads; this is where relationships and grants are made, ended and reviewed.
 */
export function createCareTeam (fastify: FastifyInstance) {
  const { db, clock, config, careRepository: care, patientsRepository: patients, doctorsRepository: doctors } = fastify

  async function ownProfile (user: AccessTokenClaims): Promise<PatientRow> {
    const patient = await patients.findByUserId(user.sub)
    if (!patient) throw notFound(NO_PROFILE)
    return patient
  }

  async function patientById (id: string): Promise<PatientRow> {
    const patient = await patients.findById(id)
    if (!patient) throw notFound('Patient not found')
    return patient
  }

  async function doctorById (id: string): Promise<DoctorRow> {
    const doctor = await doctors.findById(id)
    if (!doctor) throw notFound('Doctor not found')
    return doctor
  }

  /** The calling doctor's profile; without one they cannot be in anyone's care. */
  async function callingDoctor (user: AccessTokenClaims): Promise<DoctorRow> {
    const doctor = await doctors.findByUserId(user.sub)
    if (!doctor) throw refused('NO_DOCTOR_PROFILE', 'Create your doctor profile first (PUT /api/doctors/me)')
    return doctor
  }

  async function relationship (id: string): Promise<CareRelationshipView> {
    const found = await care.findRelationship(id, clock.now())
    if (!found) throw new Error(`care relationship ${id} vanished after it was written`)
    return found
  }

  async function grant (id: string): Promise<EmergencyAccessView> {
    const found = await care.findGrant(id, clock.now())
    if (!found) throw notFound('Emergency access not found')
    return found
  }

  return {
    async myTeam (user: AccessTokenClaims): Promise<CareRelationshipView[]> {
      return care.listForPatient((await ownProfile(user)).id, clock.now())
    },

    /** The patient grants a doctor access (GRANTED, open-ended). */
    async grantByPatient (user: AccessTokenClaims, doctorId: string): Promise<CareRelationshipView> {
      const patient = await ownProfile(user)
      await doctorById(doctorId)
      const now = clock.now()
      const id = await db.transaction(async (tx) => {
        // The patient row is locked so two grants at once cannot both find none open.
        await patients.lockById(patient.id, tx)
        if (await care.hasOpen(patient.id, doctorId, 'GRANTED', now, tx)) throw conflict('You have already granted this doctor access')
        return care.create({ patientId: patient.id, doctorId, source: 'GRANTED', grantedByUserId: user.sub, grantedByRole: 'PATIENT', startsAt: now }, tx)
      })
      return relationship(id)
    },

    /** The patient ends every open relationship of that doctor with them, whatever its source. */
    async revokeByPatient (user: AccessTokenClaims, doctorId: string): Promise<number> {
      const patient = await ownProfile(user)
      const ended = await care.end(and(eq(careRelationships.patientId, patient.id), eq(careRelationships.doctorId, doctorId))!, user.sub, clock.now())
      if (ended === 0) throw notFound('That doctor is not in your care team')
      return ended
    },

    /** A patient's care team, for an admin or a doctor in their care. */
    async teamOf (patientId: string, user: AccessTokenClaims): Promise<CareRelationshipView[]> {
      await patientById(patientId)
      const now = clock.now()
      if (user.role === 'DOCTOR' && !await care.isInCare(patientId, user.sub, now)) throw refused('NOT_IN_CARE', NOT_IN_CARE)
      return care.listForPatient(patientId, now)
    },

    /** An admin assigns a doctor (ASSIGNED, open-ended). */
    async assign (patientId: string, body: CareAssign, user: AccessTokenClaims): Promise<CareRelationshipView> {
      await patientById(patientId)
      await doctorById(body.doctorId)
      const now = clock.now()
      const id = await db.transaction(async (tx) => {
        await patients.lockById(patientId, tx)
        if (await care.hasOpen(patientId, body.doctorId, 'ASSIGNED', now, tx)) throw conflict('This doctor is already assigned to the patient')
        return care.create({ patientId, doctorId: body.doctorId, source: 'ASSIGNED', grantedByUserId: user.sub, grantedByRole: user.role, note: body.note ?? null, startsAt: now }, tx)
      })
      return relationship(id)
    },

    /** An admin ends one relationship of the patient. */
    async endOne (patientId: string, relationshipId: string, user: AccessTokenClaims): Promise<CareRelationshipView> {
      const now = clock.now()
      const found = await care.findRelationship(relationshipId, now)
      if (!found || found.patientId !== patientId) throw notFound('Care relationship not found')
      const ended = await care.end(eq(careRelationships.id, relationshipId), user.sub, now)
      if (ended === 0) throw conflict('This care relationship has already ended')
      return relationship(relationshipId)
    },

    /** A doctor in care refers the patient to another doctor, for REFERRAL_DAYS. */
    async refer (patientId: string, body: CareAssign, user: AccessTokenClaims): Promise<CareRelationshipView> {
      const referrer = await callingDoctor(user)
      await patientById(patientId)
      const now = clock.now()
      if (!await care.isInCare(patientId, user.sub, now)) throw refused('NOT_IN_CARE', 'Only a doctor in the patient\'s care may refer them')
      await doctorById(body.doctorId)
      if (body.doctorId === referrer.id) throw conflict('You cannot refer a patient to yourself')
      const id = await db.transaction(async (tx) => {
        await patients.lockById(patientId, tx)
        if (await care.hasOpen(patientId, body.doctorId, 'REFERRED', now, tx)) throw conflict('This doctor already has an open referral for the patient')
        return care.create({
          patientId,
          doctorId: body.doctorId,
          source: 'REFERRED',
          grantedByUserId: user.sub,
          grantedByRole: 'DOCTOR',
          referredByDoctorId: referrer.id,
          note: body.note ?? null,
          startsAt: now,
          endsAt: new Date(now.getTime() + config.REFERRAL_DAYS * DAY_MS),
        }, tx)
      })
      return relationship(id)
    },

    /**
     * Break-the-glass: EMERGENCY_ACCESS_MINUTES of read access for a doctor outside the patient's
     * care (the route has asked for a fresh second factor). Raised as a warn-level log line with
     * ids only: records-service has no security-events table.
     */
    async breakGlass (patientId: string, reason: string, user: AccessTokenClaims, requestId: string): Promise<EmergencyAccessView> {
      const doctor = await callingDoctor(user)
      await patientById(patientId)
      const now = clock.now()
      if (await care.isInCare(patientId, user.sub, now)) throw conflict('This patient is already in your care: no emergency access is needed')
      const id = await care.createGrant({
        patientId, doctorId: doctor.id, userId: user.sub, reason, startsAt: now, endsAt: new Date(now.getTime() + config.EMERGENCY_ACCESS_MINUTES * MINUTE_MS),
      })
      fastify.log.warn({ event: 'emergency_access_granted', grantId: id, patientId, doctorId: doctor.id, userId: user.sub, reqId: requestId }, 'emergency access granted')
      return grant(id)
    },

    async grantsOnMe (user: AccessTokenClaims): Promise<EmergencyAccessView[]> {
      return care.grantsForPatient((await ownProfile(user)).id, clock.now())
    },

    async reviewQueue (query: EmergencyListQuery) {
      return care.listGrants(query.status ?? 'pending', query, clock.now())
    },

    async review (id: string, body: EmergencyReview, user: AccessTokenClaims): Promise<EmergencyAccessView> {
      await grant(id)
      const done = await care.review(id, { ...body, reviewedByUserId: user.sub, reviewedAt: clock.now() })
      if (!done) throw conflict('This emergency access has already been reviewed')
      return grant(id)
    },
  }
}

export type CareTeam = ReturnType<typeof createCareTeam>
