import { asc, count, eq, inArray } from 'drizzle-orm'
import t from 'tap'
import { patientAccessLog } from '../../src/db/schema.js'
import { patientLogRows } from '../../src/plugins/app/access-log-repository.js'
import { assertError, assertInvalid } from '@rekam/testing'
import { buildStaticStack, doctorWithProfile, patientWithProfile, putInCare, signUp, type Person } from '../helper.js'

// One stack for the file; each subtest reads the trail of the patients it made.
const stack = await buildStaticStack(t)
const app = stack.records
const { db } = app

const doctor = await doctorWithProfile(stack)
const admin = await signUp(stack.auth, 'ADMIN')

const get = (who: Pick<Person, 'headers'>, url: string) => app.inject({ method: 'GET', url, headers: who.headers })

/** The trail of these patients, oldest first, without the generated id and time. */
async function trailOf (patientIds: string[]) {
  const rows = await patientLogRows(db).where(inArray(patientAccessLog.patientId, patientIds))
    .orderBy(asc(patientAccessLog.at), asc(patientAccessLog.requestId), asc(patientAccessLog.patientId))
  for (const row of rows) t.ok(row.at instanceof Date && row.id.length === 36)
  return rows.map(({ id, at, ...rest }) => rest)
}

/** The ALLOWED rows of the profile log (refusals are the care tests' subject). */
async function trailSize () {
  const [row] = await db.select({ n: count() }).from(patientAccessLog).where(eq(patientAccessLog.outcome, 'ALLOWED'))
  return row?.n ?? 0
}

const read = (patientId: string, who: Person, requestId: string) => ({
  patientId,
  actorUserId: who.userId,
  actorRole: who === admin ? 'ADMIN' : 'DOCTOR',
  action: 'READ',
  requestId,
  purpose: who === admin ? 'ADMIN' : 'TREATMENT',
  outcome: 'ALLOWED',
  reason: null,
  count: 1,
  lastAt: null,
  deniedWindow: null,
})

t.test('GET /api/patients/:id: each staff read of a profile leaves one READ row naming the reader', async (t) => {
  const patient = await patientWithProfile(stack, 'Audited Lookup')
  await putInCare(stack, doctor, patient.patientId)
  const own = (await get(patient, '/api/patients/me')).json().data.patient
  t.strictSame(await trailOf([patient.patientId]), [], 'the patient reading their own profile is not logged')

  const byDoctor = await get(doctor, `/api/patients/${patient.patientId}`)
  t.strictSame(byDoctor.json(), { success: true, data: { patient: own } })
  const byAdmin = await get(admin, `/api/patients/${patient.patientId}`)
  t.strictSame(byAdmin.json(), { success: true, data: { patient: own } })
  t.strictSame(await trailOf([patient.patientId]), [
    read(patient.patientId, doctor, String(byDoctor.headers['x-request-id'])),
    read(patient.patientId, admin, String(byAdmin.headers['x-request-id'])),
  ])
})

t.test('refused and missing reads write no READ row', async (t) => {
  const patient = await patientWithProfile(stack, 'Unread Patient')
  const before = await trailSize()
  assertError(t, await get(doctor, '/api/patients/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c'), 404, 'NOT_FOUND', 'Patient not found')
  assertError(t, await get(patient, `/api/patients/${patient.patientId}`), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertError(t, await get(patient, '/api/patients?search=Unread'), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertInvalid(t, await get(doctor, '/api/patients?limit=101'), 'querystring.limit', 'must be <= 100')
  assertInvalid(t, await get(doctor, '/api/patients/not-a-uuid'), 'params.id', 'must match format "uuid"')
  const saved = await app.inject({ method: 'PUT', url: '/api/patients/me', headers: patient.headers, payload: { fullName: 'Unread Patient', dateOfBirth: '1980-02-02' } })
  t.equal(saved.statusCode, 200, 'saving one\'s own profile is not a read by someone else')
  t.equal(await trailSize(), before)
})

t.test('GET /api/patients: one READ row per patient on the page, none for the others', async (t) => {
  const made = []
  for (const name of ['Listaudit Ani', 'Listaudit Budi', 'Listaudit Candra']) {
    const patient = await patientWithProfile(stack, name)
    await putInCare(stack, doctor, patient.patientId)
    made.push(patient.patientId)
  }
  const ids = made

  const first = await get(doctor, '/api/patients?search=listaudit&limit=2')
  t.strictSame(first.json().data.items.map((p: { id: string }) => p.id), ids.slice(0, 2))
  t.equal(first.json().data.total, 3)
  const firstId = String(first.headers['x-request-id'])
  // One statement's rows share their time; the trail orders them by patient id.
  t.strictSame(await trailOf(ids), ids.slice(0, 2).sort().map((id) => read(id, doctor, firstId)), 'only the two listed')

  const second = await get(admin, '/api/patients?search=listaudit&limit=2&page=2')
  t.strictSame(second.json().data.items.map((p: { id: string }) => p.id), ids.slice(2))
  const beyond = await get(admin, '/api/patients?search=listaudit&limit=2&page=3')
  t.strictSame(beyond.json(), { success: true, data: { items: [], page: 3, limit: 2, total: 3 } })
  const none = await get(admin, '/api/patients?search=nobody-is-called-this')
  t.strictSame(none.json(), { success: true, data: { items: [], page: 1, limit: 20, total: 0 } })

  const rows = await trailOf(ids)
  t.strictSame(rows.slice(2), [read(ids[2]!, admin, String(second.headers['x-request-id']))], 'an empty page logs nothing')

  // Without a search (every profile in the database), the page shown is the page logged.
  const everyone = await get(doctor, '/api/patients?limit=100')
  const listed: string[] = everyone.json().data.items.map((p: { id: string }) => p.id)
  const logged = await db.select({ patientId: patientAccessLog.patientId }).from(patientAccessLog)
    .where(eq(patientAccessLog.requestId, String(everyone.headers['x-request-id'])))
  t.strictSame(logged.map((r) => r.patientId).sort(), [...listed].sort())
  t.equal(listed.length, everyone.json().data.total)
})

t.test('GET /api/patients/me/access-log: the patient sees who read their profile, the doctor by name', async (t) => {
  const patient = await patientWithProfile(stack, 'Named Reader')
  await putInCare(stack, doctor, patient.patientId)
  const byDoctor = await get(doctor, `/api/patients/${patient.patientId}`)
  const byAdmin = await get(admin, `/api/patients/${patient.patientId}`)
  const own = await get(patient, '/api/patients/me/access-log')
  t.equal(own.statusCode, 200, own.body)
  const entry = (who: Person, requestId: string) => ({ ...read(patient.patientId, who, requestId), actorName: who === doctor ? 'dr. Test' : null })
  t.strictSame(own.json().data.items.map(({ id, at, ...rest }: Record<string, unknown>) => rest), [
    entry(doctor, String(byDoctor.headers['x-request-id'])),
    entry(admin, String(byAdmin.headers['x-request-id'])),
  ].map(({ deniedWindow, ...rest }) => rest), 'the doctor named by their profile; an admin (no doctor profile) by role only')
})
