import { randomUUID } from 'node:crypto'
/** Rows as the tables store them (snake_case columns), with plausible clinical text. */
export type Row = Record<string, string | null>

/** mulberry32: a small seeded generator, so every run loads the same shape of data. */
export function random (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(list: readonly T[], rand: () => number): T => list[Math.floor(rand() * list.length)]!
const pad = (n: number) => String(n).padStart(5, '0')
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10)

const FIRST = ['Andi', 'Siti', 'Budi', 'Dewi', 'Agus', 'Rina', 'Joko', 'Putri', 'Hendra', 'Wati', 'Rudi', 'Lestari']
const LAST = ['Santoso', 'Wijaya', 'Pratama', 'Kusuma', 'Hidayat', 'Saputra', 'Nugroho', 'Rahmawati', 'Setiawan']
const SPECIALIZATIONS = ['General Practice', 'Internal Medicine', 'Paediatrics', 'Cardiology', 'Dermatology', 'Neurology']
const VISITS = [
  { complaint: 'Fever and sore throat for three days', diagnosis: 'Acute pharyngitis', treatment: 'Rest, fluids, paracetamol', prescription: 'Paracetamol 500 mg three times daily for 3 days' },
  { complaint: 'Heartburn after meals', diagnosis: 'Gastro-oesophageal reflux', treatment: 'Diet advice; antacid', prescription: 'Omeprazole 20 mg daily for 14 days' },
  { complaint: 'Headaches and dizziness', diagnosis: 'Stage 1 hypertension', treatment: 'Lifestyle changes; blood-pressure monitoring', prescription: 'Amlodipine 5 mg daily' },
  { complaint: 'Cough for one week', diagnosis: 'Upper respiratory tract infection', treatment: 'Symptomatic care', prescription: 'Dextromethorphan syrup as needed' },
  { complaint: 'Itchy rash on both forearms', diagnosis: 'Contact dermatitis', treatment: 'Avoid the irritant; topical steroid', prescription: 'Hydrocortisone 1% cream twice daily' },
  { complaint: 'Follow-up check', diagnosis: 'Recovered', treatment: 'None needed', prescription: null },
]
const NOTES = [null, null, 'Review in two weeks if symptoms persist.', 'Patient advised to return if the fever exceeds 39 °C.']

export function userRow (id: string, kind: 'patient' | 'doctor', n: number, role: 'PATIENT' | 'DOCTOR', passwordHash: string): Row {
  const username = `bench.${kind}.${pad(n)}`
  return { id, username, email: `${username}@bench.rekam.test`, password_hash: passwordHash, full_name: `Bench ${kind} ${n}`, role }
}

export function patientRow (id: string, userId: string, n: number, rand: () => number): Row {
  return {
    id,
    user_id: userId,
    // As the service numbers them (MRN_PREFIX and patients_mrn_seq, zero-padded to six digits).
    mrn: `RM-${String(n).padStart(6, '0')}`,
    full_name: `${pick(FIRST, rand)} ${pick(LAST, rand)}`,
    date_of_birth: isoDate(Date.UTC(1940, 0, 1) + rand() * 80 * 365 * 86_400_000),
    gender: pick(['MALE', 'FEMALE', 'OTHER'], rand),
    phone: `+62 812 ${pad(n)} ${pad(Math.floor(rand() * 99_999))}`,
    address: `Jl. ${pick(LAST, rand)} ${1 + Math.floor(rand() * 200)}, Yogyakarta`,
  }
}

/** A care relationship as the service writes it for a record's author (AUTHORED) or an admin's assignment (ASSIGNED). */
export function careRow (patientId: string, doctorId: string, source: 'AUTHORED' | 'ASSIGNED', grantedByUserId: string): Row {
  return { id: randomUUID(), patient_id: patientId, doctor_id: doctorId, source, granted_by_user_id: grantedByUserId, granted_by_role: source === 'AUTHORED' ? 'DOCTOR' : 'ADMIN', starts_at: '2020-01-01T00:00:00Z' }
}

export function doctorRow (id: string, userId: string, n: number): Row {
  return { id, user_id: userId, full_name: `dr. ${FIRST[n % FIRST.length]} ${LAST[n % LAST.length]}`, specialization: SPECIALIZATIONS[n % SPECIALIZATIONS.length]!, license_number: `STR-BENCH-${pad(n)}` }
}

/** A visit in the last ten years, written a few hours after it. */
export function recordRow (id: string, patientId: string, doctorId: string, rand: () => number): Row {
  const visit = pick(VISITS, rand)
  const visitMs = Date.UTC(2016, 0, 1) + Math.floor(rand() * 10 * 365) * 86_400_000
  const writtenAt = new Date(visitMs + (8 + rand() * 10) * 3_600_000).toISOString()
  return {
    id,
    patient_id: patientId,
    doctor_id: doctorId,
    visit_date: isoDate(visitMs),
    ...visit,
    notes: pick(NOTES, rand),
    created_at: writtenAt,
    updated_at: writtenAt,
  }
}
