/**
 * Front-desk intake (POST /api/patients, POST /api/patients/intake-search): registering a walk-in
 * patient, duplicates and conflicts, finding a returning one, each audited; and no NIK or BPJS
 * number in any log line. Bad input and roles: patients-intake-refusals.test.ts.
 */
import { eq } from 'drizzle-orm'
import t from 'tap'
import { assertError, assertOk } from '@rekam/testing'
import { careRelationships, patients } from '../../src/db/schema.js'
import { intakeFixture, logRow, requestIdOf, sentIdNumbers } from './patients-intake-fixture.js'

const { logLines, app, db, doctor, admin, patient, register, search, trailOf } = await intakeFixture(t)

const WAYAN = {
  fullName: 'Wayan Sudarma',
  dateOfBirth: '1958-11-03',
  gender: 'MALE',
  phone: '+62 813 5555 0101',
  address: 'Jl. Gajah Mada 5, Denpasar',
  email: 'wayan@example.test',
  nik: '5171010311580001',
  bpjsNumber: '0001234567890',
}

t.test('POST /api/patients: a doctor registers a walk-in patient; they are in the doctor\'s care, the creation is audited', async (t) => {
  const res = await register(doctor, WAYAN)
  t.equal(res.statusCode, 201, res.body)
  const patient = res.json().data.patient
  t.match(patient.mrn, /^RM-\d{6}$/)
  assertOk(t, res, 201, {
    patient: {
      id: patient.id,
      userId: null,
      mrn: patient.mrn,
      fullName: 'Wayan Sudarma',
      dateOfBirth: '1958-11-03',
      gender: 'MALE',
      phone: '+62 813 5555 0101',
      address: 'Jl. Gajah Mada 5, Denpasar',
      email: 'wayan@example.test',
      nik: '5171010311580001',
      bpjsNumber: '0001234567890',
      claimed: false,
      createdAt: patient.createdAt,
      updatedAt: patient.createdAt,
    },
  }, `Patient registered: ${patient.mrn}`)

  // The staff read of the profile shows the same, decrypted.
  assertOk(t, await app.inject({ method: 'GET', url: `/api/patients/${patient.id}`, headers: doctor.headers }), 200, { patient })

  const [row] = await db.select().from(patients).where(eq(patients.id, patient.id))
  t.equal(row!.registeredByUserId, doctor.userId)
  const stored = JSON.stringify(row)
  t.notOk(stored.includes(WAYAN.nik), 'the row holds no plain NIK')
  t.notOk(stored.includes(WAYAN.bpjsNumber), 'nor a plain BPJS number')
  t.not(row!.nikHash, null)
  t.not(row!.bpjsHash, null)

  const care = await db.select().from(careRelationships).where(eq(careRelationships.patientId, patient.id))
  t.strictSame(care.map(({ id, createdAt, startsAt, ...rest }) => rest), [{
    patientId: patient.id,
    doctorId: doctor.doctorId,
    source: 'REGISTERED',
    grantedByUserId: doctor.userId,
    grantedByRole: 'DOCTOR',
    referredByDoctorId: null,
    note: null,
    endsAt: null,
    endedByUserId: null,
  }])
  const trail = await trailOf([patient.id])
  t.strictSame(trail, [
    logRow(patient.id, doctor, 'DOCTOR', 'CREATE', 'TREATMENT', requestIdOf(res)),
    logRow(patient.id, doctor, 'DOCTOR', 'READ', 'TREATMENT', trail[1]!.requestId!),
  ])
})

t.test('POST /api/patients by an admin: no care row, purpose ADMIN, the optional fields may be left out', async (t) => {
  const res = await register(admin, { fullName: 'Ketut Ardana', dateOfBirth: '1970-01-20', nik: '5171012001700002' })
  t.equal(res.statusCode, 201, res.body)
  const patient = res.json().data.patient
  t.strictSame(patient, {
    id: patient.id,
    userId: null,
    mrn: patient.mrn,
    fullName: 'Ketut Ardana',
    dateOfBirth: '1970-01-20',
    gender: null,
    phone: null,
    address: null,
    email: null,
    nik: '5171012001700002',
    bpjsNumber: null,
    claimed: false,
    createdAt: patient.createdAt,
    updatedAt: patient.createdAt,
  })
  t.strictSame(await db.select().from(careRelationships).where(eq(careRelationships.patientId, patient.id)), [])
  t.strictSame(await trailOf([patient.id]), [logRow(patient.id, admin, 'ADMIN', 'CREATE', 'ADMIN', requestIdOf(res))])
})

t.test('POST /api/patients: the same NIK or BPJS number is a conflict; a similar name born the same day a possible duplicate', async (t) => {
  const first = (await register(admin, { fullName: 'Made Wirawan', dateOfBirth: '1988-03-15', nik: '5171011503880003', bpjsNumber: '0009876543210' })).json().data.patient
  const count = async () => (await db.select({ id: patients.id }).from(patients)).length
  const before = await count()

  assertError(t, await register(doctor, { fullName: 'Someone Else', dateOfBirth: '2000-01-01', nik: '5171011503880003' }), 409, 'CONFLICT',
    `A patient with this NIK is already registered: ${first.mrn}`)
  assertError(t, await register(doctor, { fullName: 'Someone Else', dateOfBirth: '2000-01-01', nik: '5171010101000099', bpjsNumber: '0009876543210' }), 409, 'CONFLICT',
    `A patient with this BPJS number is already registered: ${first.mrn}`)
  const duplicate = 'A patient with a similar name and the same date of birth is already registered: check them with POST /api/patients/intake-search { fullName, dateOfBirth }, then send confirmDuplicates: true to register anyway'
  for (const fullName of ['made wirawan', '  MADE   Wirawan ', 'Made Wira', 'Made Wirawan Putra']) {
    assertError(t, await register(doctor, { fullName, dateOfBirth: '1988-03-15', nik: '5171011503880004' }), 409, 'POSSIBLE_DUPLICATE', duplicate)
  }
  t.equal(await count(), before, 'nothing was written')

  // Another birth date, or a different name: no warning.
  t.equal((await register(doctor, { fullName: 'Made Wirawan', dateOfBirth: '1988-03-16', nik: '5171011603880005' })).statusCode, 201)
  t.equal((await register(doctor, { fullName: 'Nyoman Wirawan', dateOfBirth: '1988-03-15', nik: '5171011503880006' })).statusCode, 201)
  // Checked and confirmed: registered.
  const confirmed = await register(doctor, { fullName: 'made wirawan', dateOfBirth: '1988-03-15', nik: '5171011503880004', confirmDuplicates: true })
  t.equal(confirmed.statusCode, 201, confirmed.body)
  t.not(confirmed.json().data.patient.mrn, first.mrn)
})

t.test('POST /api/patients/intake-search: exact MRN, NIK or BPJS, or name and birth date; minimal data; each patient found is audited', async (t) => {
  const res = await register(admin, { fullName: 'Putu Sanjaya', dateOfBirth: '1995-07-07', gender: 'MALE', nik: '5171010707950008', bpjsNumber: '0001112223334' })
  const putu = res.json().data.patient
  const intake = { id: putu.id, mrn: putu.mrn, fullName: 'Putu Sanjaya', dateOfBirth: '1995-07-07', gender: 'MALE', claimed: false }

  const byNik = await search(doctor, { nik: '5171010707950008' })
  assertOk(t, byNik, 200, { items: [intake] })
  const byMrn = await search(admin, { mrn: ` ${putu.mrn.toLowerCase()} ` })
  assertOk(t, byMrn, 200, { items: [intake] })
  const byBpjs = await search(doctor, { bpjsNumber: '0001112223334' })
  assertOk(t, byBpjs, 200, { items: [intake] })
  const twin = (await register(admin, { fullName: 'PUTU SANJAYA WIJAYA', dateOfBirth: '1995-07-07', nik: '5171010707950009', confirmDuplicates: true })).json().data.patient
  const byName = await search(doctor, { fullName: 'putu  sanjaya', dateOfBirth: '1995-07-07' })
  assertOk(t, byName, 200, {
    items: [intake, { id: twin.id, mrn: twin.mrn, fullName: 'PUTU SANJAYA WIJAYA', dateOfBirth: '1995-07-07', gender: null, claimed: false }],
  })
  assertOk(t, await search(doctor, { nik: '5171010707950000' }), 200, { items: [] })
  assertOk(t, await search(doctor, { fullName: 'Putu Sanjaya', dateOfBirth: '1995-07-08' }), 200, { items: [] })

  t.strictSame(await trailOf([putu.id, twin.id]), [
    logRow(putu.id, admin, 'ADMIN', 'CREATE', 'ADMIN', requestIdOf(res)),
    logRow(putu.id, doctor, 'DOCTOR', 'READ', 'INTAKE', requestIdOf(byNik)),
    logRow(putu.id, admin, 'ADMIN', 'READ', 'INTAKE', requestIdOf(byMrn)),
    logRow(putu.id, doctor, 'DOCTOR', 'READ', 'INTAKE', requestIdOf(byBpjs)),
    ...(await trailOf([twin.id])).slice(0, 1),
    ...[putu.id, twin.id].sort().map((id) => logRow(id, doctor, 'DOCTOR', 'READ', 'INTAKE', requestIdOf(byName))),
  ])

  assertError(t, await search(patient, { nik: '5171010707950008' }), 403, 'FORBIDDEN', 'You do not have permission to do this')
  for (const body of [{}, { nik: '5171010707950008', mrn: putu.mrn }, { fullName: 'Putu Sanjaya' }, { nik: '123' }]) {
    const bad = await search(doctor, body)
    t.equal(bad.statusCode, 400, JSON.stringify(body))
    t.equal(bad.json().error.code, 'VALIDATION_ERROR')
  }
})

t.test('no NIK or BPJS number is ever written to the log', async (t) => {
  // The requests above registered and searched with them at info level (requests, errors, conflicts).
  t.ok(logLines.length > 20, `${logLines.length} log lines`)
  t.ok(logLines.some((line) => line.includes('"statusCode":409')), 'conflicts were logged')
  const numbers = await sentIdNumbers(import.meta.url)
  t.ok(numbers.length >= 12, `${numbers.length} NIK and BPJS numbers were sent`)
  t.strictSame(numbers.filter((number) => logLines.some((line) => line.includes(number))), [], 'none of them is in a log line')
})
