import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { patientWithProfile, signUp } from '../helper.js'
import { careCast, days, START } from './care/cast.js'

const { stack, call, clock, admin, drOwner, drX } = await careCast(t)
const patient = await patientWithProfile(stack, 'Team Patient')
const id = patient.patientId
const iso = (at: Date) => at.toISOString()
const doctorX = { id: drX.doctorId, fullName: 'dr. X', specialization: 'Cardiology' }
const doctorOwner = { id: drOwner.doctorId, fullName: 'dr. Owner', specialization: 'General Practice' }
const relationship = (fields: Record<string, unknown> & { id: string }) => ({
  patientId: id, note: null, startsAt: iso(START), endsAt: null, endedByUserId: null, active: true, ...fields,
})
const items = (res: { json (): any }) => res.json().data.items

t.test('the patient grants, lists and revokes; admins assign and end; a doctor in care refers', async (t) => {
  t.strictSame((await call(patient, 'GET', '/api/patients/me/care-team')).json(), { success: true, data: { items: [] } })

  const granted = await call(patient, 'POST', '/api/patients/me/care-team', { doctorId: drX.doctorId })
  t.equal(granted.statusCode, 201, granted.body)
  const grantedRow = relationship({ id: granted.json().data.relationship.id, doctor: doctorX, source: 'GRANTED', grantedBy: { userId: patient.userId, role: 'PATIENT' } })
  t.strictSame(granted.json(), { success: true, data: { relationship: grantedRow }, message: 'Doctor added to your care team' })
  assertError(t, await call(patient, 'POST', '/api/patients/me/care-team', { doctorId: drX.doctorId }), 409, 'CONFLICT', 'You have already granted this doctor access')
  assertError(t, await call(patient, 'POST', '/api/patients/me/care-team', { doctorId: '7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c' }), 404, 'NOT_FOUND', 'Doctor not found')
  assertInvalid(t, await call(patient, 'POST', '/api/patients/me/care-team', { doctorId: 'dr-x' }), 'body.doctorId', 'must match format "uuid"')

  clock.set(new Date(START.getTime() + 1000))
  const assigned = await call(admin, 'POST', `/api/patients/${id}/care-team`, { doctorId: drOwner.doctorId, note: 'Family doctor' })
  t.equal(assigned.statusCode, 201, assigned.body)
  const assignedRow = relationship({ id: assigned.json().data.relationship.id, doctor: doctorOwner, source: 'ASSIGNED', grantedBy: { userId: admin.userId, role: 'ADMIN' }, note: 'Family doctor', startsAt: iso(clock.now()) })
  t.strictSame(assigned.json().data.relationship, assignedRow)
  assertError(t, await call(admin, 'POST', `/api/patients/${id}/care-team`, { doctorId: drOwner.doctorId }), 409, 'CONFLICT', 'This doctor is already assigned to the patient')

  // Active first, newest first: what the patient and a doctor in care see.
  t.strictSame(items(await call(patient, 'GET', '/api/patients/me/care-team')), [assignedRow, grantedRow])
  t.strictSame(items(await call(drX, 'GET', `/api/patients/${id}/care-team`)), [assignedRow, grantedRow])
  t.strictSame(items(await call(admin, 'GET', `/api/patients/${id}/care-team`)), [assignedRow, grantedRow])

  // A doctor in care refers, for REFERRAL_DAYS (30).
  const referred = await call(drOwner, 'POST', `/api/patients/${id}/referrals`, { doctorId: drX.doctorId, note: 'Murmur' })
  t.equal(referred.statusCode, 201, referred.body)
  const referredRow = relationship({
    id: referred.json().data.relationship.id, doctor: doctorX, source: 'REFERRED', grantedBy: { userId: drOwner.userId, role: 'DOCTOR' }, note: 'Murmur', startsAt: iso(clock.now()), endsAt: iso(new Date(clock.now().getTime() + days(30))),
  })
  t.strictSame(referred.json(), { success: true, data: { relationship: referredRow }, message: 'Patient referred' })
  assertError(t, await call(drOwner, 'POST', `/api/patients/${id}/referrals`, { doctorId: drX.doctorId }), 409, 'CONFLICT', 'This doctor already has an open referral for the patient')
  assertError(t, await call(drOwner, 'POST', `/api/patients/${id}/referrals`, { doctorId: drOwner.doctorId }), 409, 'CONFLICT', 'You cannot refer a patient to yourself')

  // The patient removes dr. X: every open relationship of that doctor ends (the grant and the referral).
  clock.set(new Date(START.getTime() + 2000))
  const revoked = await call(patient, 'DELETE', `/api/patients/me/care-team/${drX.doctorId}`)
  t.strictSame(revoked.json(), { success: true, data: { ended: 2 }, message: 'Doctor removed from your care team' })
  assertError(t, await call(patient, 'DELETE', `/api/patients/me/care-team/${drX.doctorId}`), 404, 'NOT_FOUND', 'That doctor is not in your care team')
  const ended = { endsAt: iso(clock.now()), endedByUserId: patient.userId, active: false }
  t.strictSame(items(await call(patient, 'GET', '/api/patients/me/care-team')), [assignedRow, { ...referredRow, ...ended }, { ...grantedRow, ...ended }])
  assertError(t, await call(drX, 'GET', `/api/patients/${id}/care-team`), 403, 'FORBIDDEN', 'This patient is not in your care')
  assertError(t, await call(drX, 'POST', `/api/patients/${id}/referrals`, { doctorId: drOwner.doctorId }), 403, 'FORBIDDEN', 'Only a doctor in the patient\'s care may refer them')

  // An admin ends one relationship; ending it twice is a conflict; it must be the patient's.
  const other = await patientWithProfile(stack, 'Other Team Patient')
  assertError(t, await call(admin, 'DELETE', `/api/patients/${other.patientId}/care-team/${assignedRow.id}`), 404, 'NOT_FOUND', 'Care relationship not found')
  const endOne = await call(admin, 'DELETE', `/api/patients/${id}/care-team/${assignedRow.id}`)
  t.strictSame(endOne.json(), { success: true, data: { relationship: { ...assignedRow, endsAt: iso(clock.now()), endedByUserId: admin.userId, active: false } }, message: 'Care relationship ended' })
  assertError(t, await call(admin, 'DELETE', `/api/patients/${id}/care-team/${assignedRow.id}`), 409, 'CONFLICT', 'This care relationship has already ended')
  clock.set(START)
})

t.test('a referral ends by itself after REFERRAL_DAYS (the clock moved, not waited for)', async (t) => {
  const p = await patientWithProfile(stack, 'Referral Patient')
  t.equal((await call(admin, 'POST', `/api/patients/${p.patientId}/care-team`, { doctorId: drOwner.doctorId })).statusCode, 201)
  t.equal((await call(drOwner, 'POST', `/api/patients/${p.patientId}/referrals`, { doctorId: drX.doctorId })).statusCode, 201)
  t.equal((await call(drX, 'GET', `/api/patients/${p.patientId}`)).statusCode, 200, 'the referred doctor reads the profile')
  t.teardown(() => clock.set(START))
  clock.set(new Date(START.getTime() + days(30) - 1))
  t.equal((await call(drX, 'GET', `/api/patients/${p.patientId}`)).statusCode, 200, 'until the last millisecond')
  clock.set(new Date(START.getTime() + days(30)))
  t.equal((await call(drX, 'GET', `/api/patients/${p.patientId}`)).statusCode, 403, 'then no more')
  t.strictSame(items(await call(p, 'GET', '/api/patients/me/care-team')).map((r: { source: string, active: boolean }) => [r.source, r.active]), [['ASSIGNED', true], ['REFERRED', false]])
})

t.test('who may use which care-team route', async (t) => {
  const forbidden = (res: Awaited<ReturnType<typeof call>>) => assertError(t, res, 403, 'FORBIDDEN', 'You do not have permission to do this')
  for (const who of [drX, admin]) {
    forbidden(await call(who, 'GET', '/api/patients/me/care-team'))
    forbidden(await call(who, 'POST', '/api/patients/me/care-team', { doctorId: drX.doctorId }))
    forbidden(await call(who, 'DELETE', `/api/patients/me/care-team/${drX.doctorId}`))
    forbidden(await call(who, 'GET', '/api/patients/me/emergency-access'))
  }
  forbidden(await call(patient, 'GET', `/api/patients/${id}/care-team`))
  forbidden(await call(patient, 'POST', `/api/patients/${id}/care-team`, { doctorId: drX.doctorId }))
  forbidden(await call(drOwner, 'POST', `/api/patients/${id}/care-team`, { doctorId: drX.doctorId }))
  forbidden(await call(drOwner, 'DELETE', `/api/patients/${id}/care-team/${drX.doctorId}`))
  forbidden(await call(admin, 'POST', `/api/patients/${id}/referrals`, { doctorId: drX.doctorId }))
  const noProfile = await signUp(stack.auth, 'PATIENT')
  assertError(t, await call(noProfile, 'GET', '/api/patients/me/care-team'), 404, 'NOT_FOUND', 'No patient profile yet: create it with PUT /api/patients/me')
  assertError(t, await call(admin, 'GET', '/api/patients/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c/care-team'), 404, 'NOT_FOUND', 'Patient not found')
  assertInvalid(t, await call(admin, 'POST', `/api/patients/${id}/care-team`, { doctorId: drX.doctorId, note: '' }), 'body.note', 'must NOT have fewer than 1 characters')
  assertError(t, await call(null, 'GET', '/api/patients/me/care-team'), 401, 'UNAUTHORIZED', 'A bearer access token is required')
})
