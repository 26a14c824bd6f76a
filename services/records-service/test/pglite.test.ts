import { eq } from 'drizzle-orm'
import t from 'tap'
import { patientAccessLog } from '../src/db/schema.js'
import { assertError } from '@rekam/testing'
import { buildStack, doctorWithProfile, patientWithProfile, signIn, writeRecord } from './helper.js'

// The same services and migrations on embedded PGlite, the database a fresh machine gets.
t.test('seed 000 flow on PGlite: login, my records with doctors, detail, another patient\'s record is 403', async (t) => {
  const stack = await buildStack(t, { database: 'pglite' })
  t.equal(stack.records.database.kind, 'pglite')
  const app = stack.records

  const sari = await doctorWithProfile(stack, 'dr. Sari', 'General Practice')
  const budi = await doctorWithProfile(stack, 'dr. Budi', 'Internal Medicine')
  const andiAccount = await patientWithProfile(stack, 'Andi')
  const siti = await patientWithProfile(stack, 'Siti')
  const first = await writeRecord(stack, sari, andiAccount.patientId, { visitDate: '2026-01-15' })
  const second = await writeRecord(stack, budi, andiAccount.patientId, { visitDate: '2026-03-02' })
  const sitis = await writeRecord(stack, budi, siti.patientId, { visitDate: '2026-02-10' })

  // Login: a fresh session through auth-service, verified by records-service through the JWKS.
  const andi = await signIn(stack.auth, `${andiAccount.username}@example.test`, 'correct-horse-battery')
  t.equal(andi.userId, andiAccount.userId)

  const list = await app.inject({ method: 'GET', url: '/api/records', headers: andi.headers })
  t.equal(list.statusCode, 200, list.body)
  const data = list.json().data
  t.strictSame({ page: data.page, limit: data.limit, total: data.total }, { page: 1, limit: 20, total: 2 })
  t.strictSame(data.items.map((r: { id: string, doctor: unknown }) => [r.id, r.doctor]), [
    [second.id, { id: budi.doctorId, fullName: 'dr. Budi', specialization: 'Internal Medicine' }],
    [first.id, { id: sari.doctorId, fullName: 'dr. Sari', specialization: 'General Practice' }],
  ])
  t.notOk('patient' in data.items[0])

  const detail = await app.inject({ method: 'GET', url: `/api/records/${first.id}`, headers: andi.headers })
  t.equal(detail.statusCode, 200)
  t.match(detail.json().data.record, { id: first.id, patientId: andiAccount.patientId, visitDate: '2026-01-15', doctor: { fullName: 'dr. Sari' } })

  const other = await app.inject({ method: 'GET', url: `/api/records/${sitis.id}`, headers: andi.headers })
  assertError(t, other, 403, 'FORBIDDEN', 'This medical record belongs to another patient')
  t.notOk(other.body.includes('Siti'))
  assertError(t, await app.inject({ method: 'GET', url: '/api/records/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c', headers: andi.headers }), 404, 'NOT_FOUND', 'Medical record not found')

  // Writes and the audit trail share a transaction on PGlite too.
  const patched = await app.inject({ method: 'PATCH', url: `/api/records/${first.id}`, headers: sari.headers, payload: { notes: 'Follow up' } })
  t.equal(patched.statusCode, 200)
  const log = await app.inject({ method: 'GET', url: `/api/records/${first.id}/access-log`, headers: andi.headers })
  t.equal(log.statusCode, 200)
  t.strictSame(log.json().data.items.map((e: { action: string, actorRole: string }) => [e.action, e.actorRole]), [
    ['CREATE', 'DOCTOR'], ['READ', 'PATIENT'], ['READ', 'PATIENT'], ['UPDATE', 'DOCTOR'],
  ])

  // A profile read and its audit row are one statement on PGlite too.
  const own = (await app.inject({ method: 'GET', url: '/api/patients/me', headers: andi.headers })).json().data.patient
  const profile = await app.inject({ method: 'GET', url: `/api/patients/${andiAccount.patientId}`, headers: sari.headers })
  t.strictSame(profile.json(), { success: true, data: { patient: own } })
  const listed = await app.inject({ method: 'GET', url: '/api/patients?search=Andi', headers: sari.headers })
  t.strictSame(listed.json(), { success: true, data: { items: [own], page: 1, limit: 20, total: 1 } })
  const trail = await app.db.select().from(patientAccessLog).where(eq(patientAccessLog.patientId, andiAccount.patientId))
  t.strictSame(trail.map((row) => [row.actorUserId, row.actorRole, row.action, row.requestId]).sort(), [
    [sari.userId, 'DOCTOR', 'READ', profile.headers['x-request-id']],
    [sari.userId, 'DOCTOR', 'READ', listed.headers['x-request-id']],
  ].sort())
})
