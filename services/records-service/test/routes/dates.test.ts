import t from 'tap'
import { assertInvalid } from '@rekam/testing'
import { buildStaticStack, doctorWithProfile, patientWithProfile, rowCounts, signUp, writeRecord } from '../helper.js'

// A fixed clock, moved by the tests: at 12:00 UTC it is already the next day at UTC+14.
let now = new Date('2026-05-10T12:00:00Z')
const stack = await buildStaticStack(t, { recordsNow: () => now })
const app = stack.records

const doctor = await doctorWithProfile(stack)
const patient = await patientWithProfile(stack)

const record = { complaint: 'Cough', diagnosis: 'Common cold', treatment: 'Rest' }

t.test('visitDate: at most a day after today (today being the latest date on Earth)', async (t) => {
  now = new Date('2026-05-10T12:00:00Z')
  t.ok(await writeRecord(stack, doctor, patient.patientId, { visitDate: '2026-05-12' }), 'a day after today at UTC+14 is accepted')

  const before = await rowCounts(stack)
  const late = await app.inject({ method: 'POST', url: '/api/records', headers: doctor.headers, payload: { patientId: patient.patientId, visitDate: '2026-05-13', ...record } })
  assertInvalid(t, late, 'body.visitDate', 'must not be more than a day after today (2026-05-12 at the latest)')
  t.strictSame(await rowCounts(stack), before, 'no record and no audit row written')

  // Just before 10:00 UTC it is still the 10th at UTC+14: the 12th is two days ahead.
  now = new Date('2026-05-10T09:59:59Z')
  const early = await app.inject({ method: 'POST', url: '/api/records', headers: doctor.headers, payload: { patientId: patient.patientId, visitDate: '2026-05-12', ...record } })
  assertInvalid(t, early, 'body.visitDate', 'must not be more than a day after today (2026-05-11 at the latest)')
  const admin = await signUp(stack.auth, 'ADMIN')
  const byAdmin = await app.inject({ method: 'POST', url: '/api/records', headers: admin.headers, payload: { patientId: patient.patientId, doctorId: doctor.doctorId, visitDate: '2027-05-10', ...record } })
  assertInvalid(t, byAdmin, 'body.visitDate', 'must not be more than a day after today (2026-05-11 at the latest)') // an admin is held to the same rule
  t.strictSame(await rowCounts(stack), before)
})

t.test('PATCH visitDate: the same rule; the record is left as it was', async (t) => {
  now = new Date('2026-05-10T12:00:00Z')
  const written = await writeRecord(stack, doctor, patient.patientId, { visitDate: '2026-05-01' })
  const url = `/api/records/${written.id}`
  const original = (await app.inject({ method: 'GET', url, headers: doctor.headers })).json().data.record
  const before = await rowCounts(stack)

  const late = await app.inject({ method: 'PATCH', url, headers: doctor.headers, payload: { visitDate: '2036-05-01', notes: 'typo' } })
  assertInvalid(t, late, 'body.visitDate', 'must not be more than a day after today (2026-05-12 at the latest)')
  t.strictSame(await rowCounts(stack), before, 'no audit row for the refused change')
  const after = (await app.inject({ method: 'GET', url, headers: doctor.headers })).json().data.record
  t.strictSame(after, original, 'nothing changed')

  const ok = await app.inject({ method: 'PATCH', url, headers: doctor.headers, payload: { visitDate: '2026-05-12' } })
  t.equal(ok.statusCode, 200, ok.body)
  t.equal(ok.json().data.record.visitDate, '2026-05-12')
})

t.test('dateOfBirth: not in the future', async (t) => {
  now = new Date('2026-05-10T12:00:00Z')
  const me = await signUp(stack.auth, 'PATIENT')
  const put = (dateOfBirth: string) => app.inject({ method: 'PUT', url: '/api/patients/me', headers: me.headers, payload: { fullName: 'Baru Lahir', dateOfBirth } })

  const future = await put('2026-05-12')
  assertInvalid(t, future, 'body.dateOfBirth', 'must not be in the future (2026-05-11 at the latest)')
  t.equal((await app.inject({ method: 'GET', url: '/api/patients/me', headers: me.headers })).statusCode, 404, 'no profile was created')

  const born = await put('2026-05-11')
  t.equal(born.statusCode, 200, 'born today at UTC+14')
  t.equal(born.json().data.patient.dateOfBirth, '2026-05-11')

  const later = await put('2030-01-01')
  assertInvalid(t, later, 'body.dateOfBirth', 'must not be in the future (2026-05-11 at the latest)')
  t.equal((await app.inject({ method: 'GET', url: '/api/patients/me', headers: me.headers })).json().data.patient.dateOfBirth, '2026-05-11', 'the refused replacement changed nothing')
})
