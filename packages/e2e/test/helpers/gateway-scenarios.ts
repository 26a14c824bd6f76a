/**
 * Seed 004's "Common Scenarios" in the medical domain (STUDENT = PATIENT, CONTENT_MANAGER = DOCTOR,
 * SUPER_ADMIN = ADMIN) and the session lifecycle, each the body of one test of
 * gateway-nginx.test.ts, played through the gateway its `api` client talks to.
 */
import type { Test } from 'tap'
import { DEMO, type Client } from '@rekam/testing/e2e'
import { assertError } from './gateway-assert.js'

/** A new user registers (always a PATIENT) and has no records yet; the same username again is a conflict. */
export async function newUserRegisters (t: Test, api: Client): Promise<void> {
  const suffix = Math.random().toString(36).slice(2, 10)
  const reg = await api.post('/api/auth/register', {
    username: `new.user-${suffix}`,
    email: `new.user-${suffix}@example.com`,
    password: 'a long enough password',
    fullName: 'New User',
  })
  t.equal(reg.status, 201)
  t.equal(reg.body.success, true)
  t.equal(reg.body.data.user.role, 'PATIENT')
  t.equal(reg.body.data.user.username, `new.user-${suffix}`)
  t.notOk('passwordHash' in reg.body.data.user, 'no password hash in the answer')
  t.equal(reg.body.data.tokens.tokenType, 'Bearer')
  const token = reg.body.data.tokens.accessToken as string

  const me = await api.get('/api/auth/me', { token })
  t.equal(me.status, 200)
  t.equal(me.body.data.user.id, reg.body.data.user.id)

  const list = await api.get('/api/records', { token })
  t.equal(list.status, 200)
  t.strictSame(list.body, { success: true, data: { items: [], page: 1, limit: 20, total: 0 } })

  const again = await api.post('/api/auth/register', {
    username: `new.user-${suffix}`,
    email: `other-${suffix}@example.com`,
    password: 'a long enough password',
  })
  assertError(t, again, 409, 'CONFLICT', 'A user with that username or email already exists')
}

/** Seed scenario 1: a patient lists and opens his own records; another patient's are forbidden. */
export async function patientReadsOwnRecords (t: Test, api: Client): Promise<void> {
  const { user, tokens } = await api.login(DEMO.andi.email, DEMO.andi.password)
  t.equal(user.role, 'PATIENT')

  const list = await api.get('/api/records', { token: tokens.accessToken })
  t.equal(list.status, 200)
  t.equal(list.body.success, true)
  const items = list.body.data.items as Array<Record<string, any>>
  t.ok(items.length >= 3, 'andi has the demo records')
  t.equal(list.body.data.total, items.length)
  t.equal(new Set(items.map((r) => r.patientId)).size, 1, 'all of them his own')
  for (const record of items) {
    t.match(record.doctor, { id: record.doctorId, fullName: /^dr\. /, specialization: String }, 'with its doctor')
    t.notOk('patient' in record, 'a patient is not told who he is')
  }
  t.strictSame(new Set(items.map((r) => r.doctor.fullName)), new Set(['dr. Sari Wulandari', 'dr. Budi Santoso']))

  const first = items[0]!
  const one = await api.get(`/api/records/${first.id}`, { token: tokens.accessToken })
  t.equal(one.status, 200)
  t.strictSame(one.body.data.record, first)

  const siti = await api.login(DEMO.siti.email, DEMO.siti.password)
  const sitis = await api.get('/api/records', { token: siti.tokens.accessToken })
  t.equal(sitis.status, 200)
  const sitiRecordId = sitis.body.data.items[0].id as string
  t.notOk(items.some((r) => r.id === sitiRecordId))

  assertError(t, await api.get(`/api/records/${sitiRecordId}`, { token: tokens.accessToken }), 403, 'FORBIDDEN', 'This medical record belongs to another patient')
  assertError(t, await api.get('/api/records/00000000-0000-4000-8000-000000000000', { token: tokens.accessToken }), 404, 'NOT_FOUND', 'Medical record not found')
  assertError(t, await api.get('/api/records'), 401, 'UNAUTHORIZED', 'A bearer access token is required')
}

/** Seed scenario 2: a doctor writes and updates her own records, not another doctor's. */
export async function doctorWritesRecords (t: Test, api: Client): Promise<void> {
  const { user, tokens } = await api.login(DEMO.sari.email, DEMO.sari.password)
  t.equal(user.role, 'DOCTOR')
  const token = tokens.accessToken

  const patients = await api.get('/api/patients?search=Andi', { token })
  t.equal(patients.status, 200)
  const andi = (patients.body.data.items as Array<{ id: string, fullName: string }>).find((p) => p.fullName === 'Andi Pratama')
  t.ok(andi, 'andi is a patient')

  const doctors = await api.get('/api/doctors', { token })
  t.equal(doctors.status, 200)
  const byName = (name: string) => (doctors.body.data.items as Array<{ id: string, fullName: string }>).find((d) => d.fullName === name)!
  const sari = byName('dr. Sari Wulandari')
  const budi = byName('dr. Budi Santoso')

  const created = await api.post('/api/records', {
    patientId: andi!.id,
    visitDate: '2026-09-01',
    complaint: 'Sprained ankle while running',
    diagnosis: 'Grade 1 ankle sprain',
    treatment: 'Rest, ice, compression, elevation',
  }, { token })
  t.equal(created.status, 201)
  t.equal(created.body.success, true)
  t.equal(created.headers.get('etag'), '"1"', 'the record\'s version as a strong ETag, kept by the gateway')
  const record = created.body.data.record
  t.equal(record.doctorId, sari.id, 'authored by dr.sari')
  t.match(record.doctor, { id: sari.id, fullName: 'dr. Sari Wulandari' })
  t.match(record.patient, { id: andi!.id, fullName: 'Andi Pratama' }, 'staff see the patient')

  const read = await api.get(`/api/records/${record.id}`, { token })
  const updated = await api.patch(`/api/records/${record.id}`, { diagnosis: 'Grade 2 ankle sprain' }, { token, headers: { 'if-match': read.headers.get('etag')! } })
  t.equal(updated.status, 200)
  t.equal(updated.body.data.record.diagnosis, 'Grade 2 ankle sprain')
  t.equal(updated.headers.get('etag'), '"2"', 'a change answers its new version')
  // The ETag read before the change is stale now: If-Match reaches the service through the gateway.
  assertError(t, await api.patch(`/api/records/${record.id}`, { diagnosis: 'Lost update' }, { token, headers: { 'if-match': read.headers.get('etag')! } }),
    412, 'PRECONDITION_FAILED', 'The record changed since you read it: current version is 2', [{ field: 'headers.if-match', message: 'current version is 2' }])

  const budis = await api.get(`/api/records?doctorId=${budi.id}`, { token })
  t.equal(budis.status, 200)
  const budiRecord = budis.body.data.items[0]
  t.equal(budiRecord.doctorId, budi.id)
  assertError(t, await api.patch(`/api/records/${budiRecord.id}`, { diagnosis: 'Changed by someone else' }, { token }), 403, 'FORBIDDEN', 'Only the doctor who wrote this record (or an admin) may change it')
  const unchanged = await api.get(`/api/records/${budiRecord.id}`, { token })
  t.equal(unchanged.body.data.record.diagnosis, budiRecord.diagnosis, 'dr.budi\'s record is unchanged')

  // The patient sees the new record, through the same gateway.
  const patient = await api.login(DEMO.andi.email, DEMO.andi.password)
  const seen = await api.get(`/api/records/${record.id}`, { token: patient.tokens.accessToken })
  t.equal(seen.status, 200)
  t.equal(seen.body.data.record.diagnosis, 'Grade 2 ankle sprain')

  // A patient may not write records at all.
  assertError(t, await api.post('/api/records', {
    patientId: andi!.id, visitDate: '2026-09-02', complaint: 'x', diagnosis: 'x', treatment: 'x',
  }, { token: patient.tokens.accessToken }), 403, 'FORBIDDEN', 'You do not have permission to do this')
}

/** Seed scenario 3: the admin lists users; a patient may not. */
export async function adminListsUsers (t: Test, api: Client): Promise<void> {
  const { user, tokens } = await api.login(DEMO.admin.email, DEMO.admin.password)
  t.equal(user.role, 'ADMIN')
  const users = await api.get('/api/users?limit=100', { token: tokens.accessToken })
  t.equal(users.status, 200)
  t.equal(users.body.success, true)
  const items = users.body.data.items as Array<Record<string, unknown>>
  const usernames = items.map((u) => u.username)
  for (const name of ['admin', 'dr.sari', 'dr.budi', 'andi', 'siti']) t.ok(usernames.includes(name), `lists ${name}`)
  t.ok(items.every((u) => !('passwordHash' in u)), 'never a password hash')
  t.equal(users.body.data.total, items.length)

  const andi = await api.login(DEMO.andi.email, DEMO.andi.password)
  assertError(t, await api.get('/api/users', { token: andi.tokens.accessToken }), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertError(t, await api.get('/api/users'), 401, 'UNAUTHORIZED', 'A bearer access token is required')
}

/** Refresh rotates the pair; the new access token works, an unknown refresh token does not. */
export async function refreshRotates (t: Test, api: Client): Promise<void> {
  const { tokens } = await api.login(DEMO.siti.email, DEMO.siti.password)
  const refreshed = await api.post('/api/auth/refresh', { refreshToken: tokens.refreshToken })
  t.equal(refreshed.status, 200)
  t.equal(refreshed.body.success, true)
  const next = refreshed.body.data.tokens
  t.not(next.refreshToken, tokens.refreshToken, 'a new refresh token')
  t.not(next.accessToken, tokens.accessToken, 'a new access token')
  const list = await api.get('/api/records', { token: next.accessToken })
  t.equal(list.status, 200)
  t.ok(list.body.data.items.length >= 3)
  assertError(t, await api.post('/api/auth/refresh', { refreshToken: 'x'.repeat(43) }), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
}

/** After logout, records-service refuses the access token within seconds (revocation feed). */
export async function logoutReachesRecords (t: Test, api: Client): Promise<void> {
  const { tokens } = await api.login(DEMO.andi.email, DEMO.andi.password)
  t.equal((await api.get('/api/records', { token: tokens.accessToken })).status, 200, 'the token works')
  const logout = await api.post('/api/auth/logout', { refreshToken: tokens.refreshToken })
  t.equal(logout.status, 200)
  // records-service learns of it from auth-service's revocation feed (polled every second).
  const deadline = Date.now() + 10_000
  let res = await api.get('/api/records', { token: tokens.accessToken })
  while (res.status === 200 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    res = await api.get('/api/records', { token: tokens.accessToken })
  }
  assertError(t, res, 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
}
