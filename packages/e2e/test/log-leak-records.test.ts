/**
 * The canary test of the records: a canary account drives every flow of records-service through
 * the real nginx (a patient's profile and records; then, made a doctor, with a second factor
 * enrolled: a walk-in patient with NIK and BPJS numbers, intake searches, a claim code, a record
 * written, read, changed, logged and deleted, a patient outside care refused and then read under
 * emergency access), at the most verbose log level the services allow. Then every line the
 * services and nginx wrote is searched: no password, no token or part of one, no bearer value, no
 * bcrypt hash, no key, no NIK or BPJS number, no claim code. The account flows: log-leak.test.ts.
 */
import { randomBytes } from 'node:crypto'
import t from 'tap'
import { DEMO, client, findNginx } from '@rekam/testing/e2e'
import { DEMO_PATIENT_NUMBERS } from '@rekam/demo-data'
import { canaryCalls, nextSecond } from './helpers/canary.js'
import { canaryStack, expectNoLeaks, writtenLogs } from './helpers/canary-stack.js'

const nginxBin = findNginx()

function main () {
  const stack = canaryStack(t, nginxBin)

  t.test('no secret of any records flow reaches a log', async (t) => {
    const { records, gateway, privatePem } = stack
    const api = client(gateway.url)
    const { secrets, keep, tokensOf, call, signIn, expect } = canaryCalls(t, api)

    const canary = `Canary-${randomBytes(6).toString('hex')}-passphrase`
    keep('canary password', canary)
    keep('signing key', privatePem.split('\n')[1]!)
    const username = `canary${randomBytes(3).toString('hex')}`
    const email = `${username}@example.com`
    const registered = await call('POST', '/api/auth/register', { json: { username, email, password: canary, fullName: 'Canary' } })
    expect(registered, 201, 'register')
    const userId = registered.body.data.user.id as string
    tokensOf('register', registered)
    const admin = await signIn('admin', DEMO.admin)

    // records-service: as a patient, then as a doctor.
    const patient = tokensOf('patient', await call('POST', '/api/auth/login', { json: { username, password: canary } }))
    expect(await call('PUT', '/api/patients/me', { token: patient.access, json: { fullName: 'Canary Bird', dateOfBirth: '1990-05-01', phone: '+62 811 000' } }), 200, 'patient profile')
    expect(await call('GET', '/api/patients/me', { token: patient.access }), 200, 'read patient profile')
    expect(await call('GET', '/api/records', { token: patient.access }), 200, 'patient lists records')
    expect(await call('PATCH', `/api/users/${userId}`, { token: admin.access, json: { role: 'DOCTOR' } }), 200, 'admin makes a doctor')
    await nextSecond()
    // A doctor owes a second factor: the first sign-in enrols a TOTP authenticator.
    const doctor = await signIn('doctor', { username, password: canary })
    expect(await call('PUT', '/api/doctors/me', { token: doctor.access, json: { fullName: 'dr. Canary', specialization: 'Ornithology', licenseNumber: `STR-${randomBytes(3).toString('hex')}` } }), 200, 'doctor profile')
    // A walk-in patient: NIK and BPJS numbers are secrets of the same rank as tokens, and so is
    // the claim code; the doctor who registers the patient has them in care.
    const nik = `3171${randomBytes(6).readUIntBE(0, 6).toString().padStart(12, '0').slice(-12)}`
    const bpjsNumber = `0009${randomBytes(5).readUIntBE(0, 5).toString().padStart(9, '0').slice(-9)}`
    keep('NIK', nik)
    keep('BPJS number', bpjsNumber)
    const walkIn = await call('POST', '/api/patients', { token: doctor.access, json: { fullName: 'Kenari Walk-in', dateOfBirth: '1970-02-03', nik, bpjsNumber } })
    expect(walkIn, 201, 'register a walk-in patient')
    const walkInId = walkIn.body.data.patient.id as string
    expect(await call('POST', '/api/patients/intake-search', { token: doctor.access, json: { nik } }), 200, 'intake search by NIK')
    expect(await call('POST', '/api/patients/intake-search', { token: doctor.access, json: { bpjsNumber } }), 200, 'intake search by BPJS number')
    const claim = await call('POST', `/api/patients/${walkInId}/claim-code`, { token: doctor.access })
    expect(claim, 201, 'a claim code')
    keep('claim code', claim.body.data.code as string)
    keep('claim code (as stored)', (claim.body.data.code as string).replace(/-/g, ''))
    expect(await call('POST', '/api/patients/claim', { token: doctor.access, json: { code: claim.body.data.code } }), 403, 'a doctor does not claim profiles')
    const created = await call('POST', '/api/records', { token: doctor.access, json: { patientId: walkInId, visitDate: '2026-10-01', complaint: 'Canary cough', diagnosis: 'Mild', treatment: 'Rest' } })
    expect(created, 201, 'create a record')
    const recordId = created.body.data.record.id as string
    expect(await call('GET', `/api/records/${recordId}`, { token: doctor.access }), 200, 'read it')
    expect(await call('GET', `/api/records?patientId=${walkInId}`, { token: doctor.access }), 200, 'list')
    // Outside care: refused (and audited), then break-the-glass on the fresh second-factor sign-in.
    const andi = (await call('POST', '/api/patients/intake-search', { token: doctor.access, json: { nik: DEMO_PATIENT_NUMBERS.andi!.nik } })).body.data.items[0]
    expect(await call('GET', `/api/patients/${andi.id}`, { token: doctor.access }), 403, 'a patient outside care is refused')
    expect(await call('POST', `/api/patients/${andi.id}/emergency-access`, { token: doctor.access, json: { reason: 'Unconscious at the front desk, allergies unknown' } }), 201, 'emergency access')
    expect(await call('GET', `/api/patients/${andi.id}`, { token: doctor.access }), 200, 'read under emergency access')
    expect(await call('PATCH', `/api/records/${recordId}`, { token: doctor.access, json: { notes: 'Better' } }), 200, 'update')
    expect(await call('GET', `/api/records/${recordId}/access-log`, { token: admin.access }), 200, 'access log')
    expect(await call('GET', `/api/records/${recordId}/history`, { token: doctor.access }), 200, 'history')
    expect(await call('DELETE', `/api/records/${recordId}`, { token: doctor.access, json: { reason: 'Canary entered in error' } }), 200, 'delete')
    expect(await call('GET', '/api/records/not-a-uuid', { token: doctor.access }), 400, 'a malformed id')

    const logs = await writtenLogs(stack)
    // The capture is real: each log holds the traffic above.
    t.ok(records.logLines().some((line) => (line.req as { url?: string } | undefined)?.url === `/api/records/${recordId}`), 'records-service logged the record requests')
    expectNoLeaks(t, secrets, logs)
  })
}

// CI has nginx and must run these; elsewhere a machine without it skips them.
if (!nginxBin && !process.env.CI) t.plan(0, 'nginx is not installed; set NGINX_BIN to run the gateway end-to-end tests')
else main()
