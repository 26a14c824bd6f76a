import { randomUUID } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import { medicalRecords, recordAccessLog, recordVersions } from '../../src/db/schema.js'
import type { Person } from './people.js'
import type { StaticStack, Stack } from './stack.js'

/**
 * Puts the doctor in the patient's care (an ASSIGNED relationship, as an admin would make) unless
 * they are already: a doctor reads and writes only the records of patients in their care.
 */
export async function putInCare (stack: Stack | StaticStack, doctor: Pick<Person, 'userId'>, patientId: string) {
  const app = stack.records
  const now = app.clock.now()
  if (await app.careRepository.isInCare(patientId, doctor.userId, now)) return
  const profile = await app.doctorsRepository.findByUserId(doctor.userId)
  if (!profile) throw new Error('putInCare: the doctor has no profile')
  await app.careRepository.create({ patientId, doctorId: profile.id, source: 'ASSIGNED', grantedByUserId: randomUUID(), grantedByRole: 'ADMIN', startsAt: new Date(now.getTime() - 60_000) })
}

/** A record written by the doctor for the patient (put in the doctor's care first). */
export async function writeRecord (stack: Stack | StaticStack, doctor: Person, patientId: string, overrides: Record<string, unknown> = {}) {
  if (!('doctorId' in overrides)) await putInCare(stack, doctor, patientId)
  const res = await stack.records.inject({
    method: 'POST',
    url: '/api/records',
    headers: doctor.headers,
    payload: { patientId, visitDate: '2026-05-01', complaint: 'Cough', diagnosis: 'Common cold', treatment: 'Rest', ...overrides },
  })
  if (res.statusCode !== 201) throw new Error(`record failed: ${res.statusCode} ${res.body}`)
  return res.json().data.record as { id: string, doctorId: string, patientId: string }
}

/**
 * How many records, record versions and allowed accesses (ALLOWED rows of the record log) there are: to prove a
 * refused request read or wrote nothing. A refusal's own DENIED row is the refusal-audit tests'.
 */
export async function rowCounts (stack: Stack | StaticStack): Promise<{ records: number, versions: number, accessLog: number }> {
  const [[records], [versions], [accessLog]] = await Promise.all([
    stack.records.db.select({ n: count() }).from(medicalRecords),
    stack.records.db.select({ n: count() }).from(recordVersions),
    stack.records.db.select({ n: count() }).from(recordAccessLog).where(eq(recordAccessLog.outcome, 'ALLOWED')),
  ])
  return { records: records?.n ?? 0, versions: versions?.n ?? 0, accessLog: accessLog?.n ?? 0 }
}
