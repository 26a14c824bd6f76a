import { DEMO_ACCOUNTS, DEMO_PATIENT_NUMBERS, DEMO_WALK_IN_PATIENT, type DemoAccount } from '@rekam/demo-data'
import { eq, sql } from 'drizzle-orm'
import { careRelationships, patients } from '../db/schema.js'
import { nextMrnSql } from '../plugins/app/patients-repository.js'
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
  const { db, patientsRepository, doctorsRepository, recordsRepository, recordVersionsRepository, patientData, clock, config } = fastify
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
      const numbers = DEMO_PATIENT_NUMBERS[p.username]!
      await tx.update(patients).set({
        email: account.email,
        nikEncrypted: patientData.seal(numbers.nik),
        nikHash: patientData.hash('nik', numbers.nik),
        bpjsEncrypted: numbers.bpjsNumber ? patientData.seal(numbers.bpjsNumber) : null,
        bpjsHash: numbers.bpjsNumber ? patientData.hash('bpjs', numbers.bpjsNumber) : null,
      }).where(eq(patients.id, row.id))
      patientIds.set(p.username, row.id)
    }
    // A walk-in patient registered at the front desk by a demo doctor: no account until claimed.
    const walkIn = DEMO_WALK_IN_PATIENT
    const registrar = byUsername(walkIn.registeredBy)
    const [walkInRow] = await tx.insert(patients).values({
      mrn: nextMrnSql(config.MRN_PREFIX),
      fullName: walkIn.fullName,
      dateOfBirth: walkIn.dateOfBirth,
      gender: walkIn.gender,
      phone: walkIn.phone,
      address: walkIn.address,
      nikEncrypted: patientData.seal(walkIn.nik),
      nikHash: patientData.hash('nik', walkIn.nik),
      bpjsEncrypted: patientData.seal(walkIn.bpjsNumber),
      bpjsHash: patientData.hash('bpjs', walkIn.bpjsNumber),
      registeredByUserId: registrar.id,
    }).returning({ id: patients.id })
    await tx.insert(careRelationships).values({
      patientId: walkInRow!.id, doctorId: doctorIds.get(walkIn.registeredBy)!, source: 'REGISTERED', grantedByUserId: registrar.id, grantedByRole: 'DOCTOR', startsAt: clock.now(),
    })
    for (const r of RECORDS) {
      const record = await recordsRepository.create({
        patientId: patientIds.get(r.patient)!,
        doctorId: doctorIds.get(r.doctor)!,
        visitDate: r.visitDate,
        complaint: r.complaint,
        diagnosis: r.diagnosis,
        treatment: r.treatment,
        prescription: r.prescription,
      }, tx)
      await recordVersionsRepository.append(record, { kind: 'CREATED', actor: { userId: byUsername(r.doctor).id, role: 'DOCTOR' }, at: clock.now() }, tx)
    }
    // Each doctor who wrote a patient's records is in their care from the first visit on (AUTHORED).
    const authored = new Map<string, { patient: string, doctor: string, from: string }>()
    for (const r of RECORDS) {
      const key = `${r.patient}/${r.doctor}`
      if (!authored.has(key)) authored.set(key, { patient: r.patient, doctor: r.doctor, from: r.visitDate })
    }
    for (const a of authored.values()) {
      await tx.insert(careRelationships).values({
        patientId: patientIds.get(a.patient)!, doctorId: doctorIds.get(a.doctor)!, source: 'AUTHORED', grantedByUserId: byUsername(a.doctor).id, grantedByRole: 'DOCTOR', startsAt: new Date(`${a.from}T00:00:00Z`),
      })
    }
    return RECORDS.length
  })
}
