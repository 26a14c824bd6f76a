import { randomUUID } from 'node:crypto'
import bcrypt from 'bcryptjs'
import type postgres from 'postgres'
import type { Profile } from './options.js'
import { careRow, doctorRow, patientRow, recordRow, random, userRow, type Row } from './rows.js'

/** Every bench account signs in with this password (one bcrypt hash, computed once, reused). */
export const BENCH_PASSWORD = 'bench-password-for-load-tests'

export interface Account {
  userId: string
  email: string
}

export interface HeavyPatient extends Account {
  patientId: string
  recordIds: string[]
}

/** What the scenarios need to know about the data they run on. */
export interface Dataset {
  counts: { users: number, patients: number, doctors: number, records: number }
  /** Patients with many records: the record read and the "my records" list use the first one. */
  heavy: HeavyPatient[]
  doctors: Array<Account & { doctorId: string }>
  /** A sample of patient accounts for the login and refresh scenarios. */
  patientAccounts: Account[]
  /** A sample of patient profiles that new records are written for. */
  patientIds: string[]
  /** The one bcrypt hash every bench user has (the hashing floor compares against it). */
  passwordHash: string
  loadSeconds: number
}

/** Multi-row inserts, as large as PostgreSQL's 65,535 parameters allow, a few at a time. */
async function insertAll (sql: postgres.Sql, table: string, rows: Row[], parallel = 3): Promise<void> {
  const columns = Object.keys(rows[0] ?? {})
  const size = Math.floor(60_000 / Math.max(1, columns.length))
  const batches: Row[][] = []
  for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size))
  let next = 0
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < batches.length) {
      const batch = batches[next++]!
      await sql`insert into ${sql(table)} ${sql(batch, columns)}`
    }
  }))
}

/**
 * Users in auth-service's database and their profiles and records in records-service's, straight
 * into the tables the services migrated (their schemas: services/<name>/src/db/schema.ts). The bench
 * users' ids are the profiles' user ids, so a bench user's token sees that user's records. A few
 * heavy patients get `heavyRecords` records each; the rest are spread at random over everyone.
 */
export async function loadDataset (auth: postgres.Sql, records: postgres.Sql, profile: Profile, bcryptCost: number): Promise<Dataset> {
  const started = performance.now()
  const rand = random(7)
  const passwordHash = bcrypt.hashSync(BENCH_PASSWORD, bcryptCost)

  const patients = Array.from({ length: profile.patients }, (_, i) => ({ userId: randomUUID(), patientId: randomUUID(), n: i + 1 }))
  const doctors = Array.from({ length: profile.doctors }, (_, i) => ({ userId: randomUUID(), doctorId: randomUUID(), n: i + 1 }))
  const users = [
    ...patients.map((p) => userRow(p.userId, 'patient', p.n, 'PATIENT', passwordHash)),
    ...doctors.map((d) => userRow(d.userId, 'doctor', d.n, 'DOCTOR', passwordHash)),
  ]

  const owners: number[] = []
  for (let h = 0; h < profile.heavyPatients; h++) for (let k = 0; k < profile.heavyRecords; k++) owners.push(h)
  while (owners.length < profile.records) owners.push(Math.floor(rand() * profile.patients))
  const recordRows = owners.map((owner) => recordRow(randomUUID(), patients[owner]!.patientId, doctors[Math.floor(rand() * doctors.length)]!.doctorId, rand))

  await insertAll(auth, 'users', users)
  await insertAll(records, 'patients', patients.map((p) => patientRow(p.patientId, p.userId, p.n, rand)))
  await insertAll(records, 'doctors', doctors.map((d) => doctorRow(d.doctorId, d.userId, d.n)))
  await insertAll(records, 'medical_records', recordRows)
  // Each record's doctor is in its patient's care (AUTHORED, as the migration backfills); the
  // first doctor, who writes records in the record-create scenario, is assigned the sampled patients.
  const doctorByUser = new Map<string, string>(doctors.map((d) => [d.doctorId, d.userId]))
  const pairs = new Map(recordRows.map((r) => [`${r.patient_id}/${r.doctor_id}`, r]))
  const care = [...pairs.values()].map((r) => careRow(String(r.patient_id), String(r.doctor_id), 'AUTHORED', doctorByUser.get(String(r.doctor_id))!))
  const writer = doctors[0]!
  for (const p of patients.slice(profile.heavyPatients, profile.heavyPatients + 100)) care.push(careRow(p.patientId, writer.doctorId, 'ASSIGNED', randomUUID()))
  await insertAll(records, 'care_relationships', care)
  // The sequence continues after the numbers the rows above took.
  await records`select setval('patients_mrn_seq', ${patients.length})`
  // Statistics to plan with, as a live database has them.
  await Promise.all([auth`analyze`, records`analyze`])

  const email = (row: Row) => String(row.email)
  const heavy = patients.slice(0, profile.heavyPatients).map((p, h) => ({
    userId: p.userId,
    email: email(users[h]!),
    patientId: p.patientId,
    recordIds: recordRows.slice(h * profile.heavyRecords, (h + 1) * profile.heavyRecords).map((r) => String(r.id)),
  }))
  const sample = patients.slice(profile.heavyPatients, profile.heavyPatients + 1000)
  return {
    counts: { users: users.length, patients: patients.length, doctors: doctors.length, records: recordRows.length },
    heavy,
    doctors: doctors.map((d, i) => ({ userId: d.userId, doctorId: d.doctorId, email: email(users[patients.length + i]!) })),
    patientAccounts: sample.map((p) => ({ userId: p.userId, email: email(users[p.n - 1]!) })),
    patientIds: sample.map((p) => p.patientId),
    passwordHash,
    loadSeconds: (performance.now() - started) / 1000,
  }
}
