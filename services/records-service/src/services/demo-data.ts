import { DEMO_ACCOUNTS, type DemoAccount } from '@rekam/demo-data'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'

const byUsername = (username: string): DemoAccount => {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username)
  if (!account) throw new Error(`unknown demo account ${username}`)
  return account
}

const DOCTORS = [
  { username: 'dr.sari', specialization: 'General Practice', licenseNumber: 'STR-DEMO-0001' },
  { username: 'dr.budi', specialization: 'Internal Medicine', licenseNumber: 'STR-DEMO-0002' },
]

/** Any fixed number works; it only has to be the same in every instance of records-service. */
const DEMO_SEED_LOCK_ID = 727_366

const PATIENTS = [
  { username: 'andi', dateOfBirth: '1990-04-12', gender: 'MALE' as const, phone: '+62 812 0000 0001', address: 'Jl. Melati 1, Yogyakarta' },
  { username: 'siti', dateOfBirth: '1985-09-30', gender: 'FEMALE' as const, phone: '+62 812 0000 0002', address: 'Jl. Kenanga 7, Surakarta' },
]

const RECORDS = [
  { patient: 'andi', doctor: 'dr.sari', visitDate: '2026-01-15', complaint: 'Fever and sore throat for three days', diagnosis: 'Acute pharyngitis', treatment: 'Rest, fluids, paracetamol', prescription: 'Paracetamol 500 mg three times daily for 3 days' },
  { patient: 'andi', doctor: 'dr.budi', visitDate: '2026-03-02', complaint: 'Heartburn after meals', diagnosis: 'Gastro-oesophageal reflux', treatment: 'Diet advice; antacid', prescription: 'Omeprazole 20 mg daily for 14 days' },
  { patient: 'andi', doctor: 'dr.sari', visitDate: '2026-06-20', complaint: 'Follow-up check', diagnosis: 'Recovered', treatment: 'None needed', prescription: null },
  { patient: 'siti', doctor: 'dr.budi', visitDate: '2026-02-10', complaint: 'Headaches and dizziness', diagnosis: 'Stage 1 hypertension', treatment: 'Lifestyle changes; blood-pressure monitoring', prescription: 'Amlodipine 5 mg daily' },
  { patient: 'siti', doctor: 'dr.budi', visitDate: '2026-05-12', complaint: 'Blood-pressure review', diagnosis: 'Hypertension, controlled', treatment: 'Continue medication', prescription: 'Amlodipine 5 mg daily' },
  { patient: 'siti', doctor: 'dr.sari', visitDate: '2026-08-03', complaint: 'Cough for one week', diagnosis: 'Upper respiratory tract infection', treatment: 'Symptomatic care', prescription: 'Dextromethorphan syrup as needed' },
]

/**
 * Profiles for the demo accounts and a few records each, created once: when the demo
 * patients exist already nothing is added. Never in production.
 */
export async function seedDemoData (fastify: FastifyInstance): Promise<number> {
  if (fastify.config.NODE_ENV === 'production') throw new Error('Demo data is never created in production')
  const { db, clock, patientsRepository, doctorsRepository, recordsRepository, careRepository } = fastify
  return db.transaction(async (tx) => {
    // Instances starting together on a fresh database would otherwise both find no demo
    // patient and both add the records; the lock makes the second wait and then see them.
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK_ID})`)
    if (await patientsRepository.findByUserId(byUsername('andi').id, tx)) return 0
    const doctorIds = new Map<string, string>()
    for (const d of DOCTORS) {
      const account = byUsername(d.username)
      const row = await doctorsRepository.upsertForUser(account.id, { fullName: account.fullName, specialization: d.specialization, licenseNumber: d.licenseNumber }, tx)
      doctorIds.set(d.username, row.id)
    }
    const patientIds = new Map<string, string>()
    for (const p of PATIENTS) {
      const account = byUsername(p.username)
      const row = await patientsRepository.upsertForUser(account.id, { fullName: account.fullName, dateOfBirth: p.dateOfBirth, gender: p.gender, phone: p.phone, address: p.address }, tx)
      patientIds.set(p.username, row.id)
    }
    for (const r of RECORDS) {
      // Each author is in the patient's care (AUTHORED), as when a doctor writes through the API.
      await careRepository.ensureAuthored(patientIds.get(r.patient)!, doctorIds.get(r.doctor)!, { userId: byUsername(r.doctor).id, role: 'DOCTOR' }, clock.now(), tx)
      await recordsRepository.create({
        patientId: patientIds.get(r.patient)!,
        doctorId: doctorIds.get(r.doctor)!,
        visitDate: r.visitDate,
        complaint: r.complaint,
        diagnosis: r.diagnosis,
        treatment: r.treatment,
        prescription: r.prescription,
      }, tx)
    }
    return RECORDS.length
  })
}
