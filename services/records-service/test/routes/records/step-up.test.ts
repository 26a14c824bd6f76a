import { and, eq } from 'drizzle-orm'
import t from 'tap'
import { recordAccessLog } from '../../../src/db/schema.js'
import { buildStaticStack, doctorWithProfile, patientWithProfile, writeRecord } from '../../helper.js'
import { recordsCast } from './cast.js'

const { stack, app, call, steppedUp, withoutWriting, drAlpha, andi } = await recordsCast(t)

const challenge = (description: string, maxAge = 300) =>
  `Bearer error="insufficient_user_authentication", error_description="${description}", acr_values="urn:rekam:aal2", max_age=${maxAge}`
const WEAK = 'This needs a sign-in with a second factor: confirm it is you, then try again'
const WHY = { reason: 'Written in the wrong chart' }
const stale = (seconds = 300) => `This needs a sign-in within the last ${seconds} seconds: confirm it is you, then try again`

t.test('DELETE with a password-only (aal1) token: 401 STEP_UP_REQUIRED, nothing deleted or logged', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-08-03' })
  const res = await withoutWriting(t, () => call(drAlpha, 'DELETE', `/api/records/${record.id}`, WHY))
  t.equal(res.statusCode, 401)
  t.equal(res.headers['www-authenticate'], challenge(WEAK))
  t.equal(res.headers['cache-control'], 'no-store')
  t.strictSame(res.json(), { success: false, error: { code: 'STEP_UP_REQUIRED', message: WEAK, requestId: res.headers['x-request-id'] } })
  t.equal((await call(andi, 'GET', `/api/records/${record.id}`)).statusCode, 200, 'the record is still there')
})

t.test('DELETE with aal2 signed in more than 300 s ago: 401 with max_age', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-08-04' })
  const res = await withoutWriting(t, () => call(steppedUp(drAlpha, 301), 'DELETE', `/api/records/${record.id}`, WHY))
  t.equal(res.statusCode, 401)
  t.equal(res.headers['www-authenticate'], challenge(stale()))
  t.strictSame(res.json(), { success: false, error: { code: 'STEP_UP_REQUIRED', message: stale(), requestId: res.headers['x-request-id'] } })
})

t.test('DELETE with a fresh aal2 sign-in works and is audited', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-08-05' })
  const res = await call(steppedUp(drAlpha, 290), 'DELETE', `/api/records/${record.id}`, WHY)
  t.equal(res.statusCode, 200, res.body)
  t.strictSame(res.json(), { success: true, data: null, message: 'Medical record entered in error' })
  t.notOk(res.headers['www-authenticate'])
  const entries = await app.db.select().from(recordAccessLog).where(and(eq(recordAccessLog.recordId, record.id), eq(recordAccessLog.action, 'DELETE')))
  t.strictSame(entries.map((e) => [e.actorUserId, e.requestId]), [[drAlpha.userId, res.headers['x-request-id']]])
})

t.test('a patient is refused by role (403), not asked to step up', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-08-06' })
  const res = await withoutWriting(t, () => call(steppedUp(andi), 'DELETE', `/api/records/${record.id}`, WHY))
  t.equal(res.statusCode, 403)
  t.strictSame(res.json(), { success: false, error: { code: 'FORBIDDEN', message: 'You do not have permission to do this', requestId: res.headers['x-request-id'] } })
})

t.test('the API document lists the 401 STEP_UP_REQUIRED answer of DELETE', async (t) => {
  const doc = (await app.inject({ method: 'GET', url: '/api/records/docs/json' })).json()
  t.match(doc.paths['/api/records/{id}'].delete.responses['401'].description, /STEP_UP_REQUIRED: The operation needs a recent or stronger sign-in/)
  t.notMatch(doc.paths['/api/records/{id}'].patch.responses['401'].description, /STEP_UP_REQUIRED/, 'changing a record asks for none')
})

t.test('STEP_UP_MAX_AGE sets the max age', async (t) => {
  const short = await buildStaticStack(t, { recordsEnv: { STEP_UP_MAX_AGE: '60' } })
  const patient = await patientWithProfile(short)
  const doctor = await doctorWithProfile(short)
  const record = await writeRecord(short, doctor, patient.patientId)
  const passkey = (secondsAgo: number) => short.auth.issuer.sign({ sub: doctor.userId, role: 'DOCTOR', username: doctor.username }, {
    amr: ['hwk', 'user'], acr: 'urn:rekam:aal2', auth_time: Math.floor(Date.now() / 1000) - secondsAgo,
  })
  const del = (token: string) => short.records.inject({ method: 'DELETE', url: `/api/records/${record.id}`, headers: { authorization: `Bearer ${token}` }, payload: WHY })
  const old = await del(passkey(61))
  t.equal(old.statusCode, 401)
  t.equal(old.headers['www-authenticate'], challenge(stale(60), 60))
  t.equal((await del(passkey(50))).statusCode, 200, 'a passkey sign-in 50 s ago')
})
