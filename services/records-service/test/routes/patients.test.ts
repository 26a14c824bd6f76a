import t from 'tap'
import { assertError, assertInvalid, optionalField } from '@rekam/testing'
import { buildStaticStack, doctorWithProfile, patientWithProfile, putInCare, signUp, type Person } from '../helper.js'

// One stack for the file; list assertions search by names unique to each subtest.
const stack = await buildStaticStack(t)
const app = stack.records

type Method = 'GET' | 'PUT'
const call = (who: Pick<Person, 'headers'> | null, method: Method, url: string, payload?: unknown) =>
  app.inject({ method, url, headers: who?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) })

const PATIENT_KEYS = ['address', 'bpjsNumber', 'claimed', 'createdAt', 'dateOfBirth', 'email', 'fullName', 'gender', 'id', 'mrn', 'nik', 'phone', 'updatedAt', 'userId']

const doctor = await doctorWithProfile(stack)
const admin = await signUp(stack.auth, 'ADMIN')
/** A patient in the doctor's care: a doctor lists and reads only those (care-matrix.test.ts covers the others). */
async function inCare (name: string) {
  const patient = await patientWithProfile(stack, name)
  await putInCare(stack, doctor, patient.patientId)
  return patient
}

t.test('GET|PUT /api/patients/me', async (t) => {
  const me = await signUp(stack.auth, 'PATIENT')
  assertError(t, await call(me, 'GET', '/api/patients/me'), 404, 'NOT_FOUND', 'No patient profile yet: create it with PUT /api/patients/me')

  const full = { fullName: 'Dewi Lestari', dateOfBirth: '1992-11-03', gender: 'FEMALE', phone: '+62 811 1234', address: 'Jl. Mawar 3, Bandung' }
  const created = await call(me, 'PUT', '/api/patients/me', full)
  t.equal(created.statusCode, 200, created.body)
  t.equal(created.json().message, 'Profile saved')
  const patient = created.json().data.patient
  t.strictSame(Object.keys(patient).sort(), PATIENT_KEYS)
  t.match(patient, { ...full, userId: me.userId, id: /^[0-9a-f-]{36}$/, mrn: /^RM-[0-9]{6}$/, email: null, nik: null, bpjsNumber: null, claimed: true })
  t.equal(patient.createdAt, patient.updatedAt)

  const read = await call(me, 'GET', '/api/patients/me')
  t.equal(read.statusCode, 200)
  t.strictSame(read.json(), { success: true, data: { patient } })

  await new Promise((resolve) => setTimeout(resolve, 5))
  const replaced = await call(me, 'PUT', '/api/patients/me', { fullName: 'Dewi L.', dateOfBirth: '1992-11-04' })
  t.equal(replaced.statusCode, 200, replaced.body)
  const after = replaced.json().data.patient
  t.strictSame(after, {
    ...patient,
    fullName: 'Dewi L.',
    dateOfBirth: '1992-11-04',
    gender: null,
    phone: null,
    address: null,
    updatedAt: after.updatedAt,
  }, 'a replacement: the optional fields left out become null; same id, same createdAt')
  t.ok(Date.parse(after.updatedAt) > Date.parse(patient.updatedAt))

  const explicitNulls = await call(me, 'PUT', '/api/patients/me', { fullName: 'Dewi L.', dateOfBirth: '1992-11-04', gender: null, phone: null, address: null })
  t.equal(explicitNulls.statusCode, 200, 'null is accepted for the optional fields')
  t.match(explicitNulls.json().data.patient, { id: patient.id, gender: null, phone: null, address: null })

  const constant = 'must be equal to constant'
  const gender = [constant, constant, constant, 'must match a schema in anyOf', 'must be null', 'must match a schema in anyOf']
  const invalid: Array<[string, Record<string, unknown>, string, string | string[]]> = [
    ['impossible dateOfBirth', { dateOfBirth: '1992-02-30' }, 'body.dateOfBirth', 'must match format "date"'],
    ['day-first dateOfBirth', { dateOfBirth: '03-11-1992' }, 'body.dateOfBirth', 'must match format "date"'],
    ['gender X', { gender: 'X' }, 'body.gender', gender],
    ['lower-case gender', { gender: 'female' }, 'body.gender', gender],
    ['unknown field', { userId: admin.userId }, 'body.userId', "unknown property 'userId'"],
    ['empty fullName', { fullName: '' }, 'body.fullName', 'must NOT have fewer than 1 characters'],
    ['numeric phone', { phone: 8111234 }, 'body.phone', optionalField('must be string')],
    ['empty address', { address: '' }, 'body.address', optionalField('must NOT have fewer than 1 characters')],
  ]
  for (const [name, patch, field, rules] of invalid) {
    t.comment(name)
    assertInvalid(t, await call(me, 'PUT', '/api/patients/me', { fullName: 'Hacked', dateOfBirth: '1992-11-04', ...patch }), field, rules)
  }
  assertInvalid(t, await call(me, 'PUT', '/api/patients/me', { fullName: 'No Birthday' }), 'body.dateOfBirth', "must have required property 'dateOfBirth'")
  assertInvalid(t, await call(me, 'PUT', '/api/patients/me', { fullName: 'x', dateOfBirth: '1992-11-04', role: 'ADMIN' }), 'body.role', "unknown property 'role'")
  t.match((await call(me, 'GET', '/api/patients/me')).json().data.patient, { id: patient.id, fullName: 'Dewi L.' }, 'the refused PUTs changed nothing')

  for (const who of [doctor, admin]) {
    assertError(t, await call(who, 'GET', '/api/patients/me'), 403, 'FORBIDDEN', 'You do not have permission to do this')
    assertError(t, await call(who, 'PUT', '/api/patients/me', full), 403, 'FORBIDDEN', 'You do not have permission to do this')
  }
  assertError(t, await call(null, 'GET', '/api/patients/me'), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  assertError(t, await call(null, 'PUT', '/api/patients/me', full), 401, 'UNAUTHORIZED', 'A bearer access token is required')
})

t.test('GET /api/patients: staff only, paged, searched case-insensitively with literal wildcards', async (t) => {
  const names = ['Pagingcase Echo', 'pagingcase alpha', 'PAGINGCASE Delta', 'Pagingcase Charlie', 'Pagingcase bravo']
  const made = new Map<string, string>()
  for (const name of names) made.set(name, (await inCare(name)).patientId)

  for (const who of [doctor, admin]) {
    const all = await call(who, 'GET', '/api/patients?search=pagingcase&limit=100')
    t.equal(all.statusCode, 200, all.body)
    t.equal(all.json().data.total, 5, 'search ignores case')
    t.strictSame(new Set(all.json().data.items.map((p: { fullName: string }) => p.fullName)), new Set(names))

    const pages: string[] = []
    for (const [page, size] of [[1, 2], [2, 2], [3, 1], [4, 0]] as const) {
      const res = await call(who, 'GET', `/api/patients?search=PagingCase&limit=2&page=${page}`)
      t.equal(res.statusCode, 200)
      const data = res.json().data
      t.strictSame({ page: data.page, limit: data.limit, total: data.total }, { page, limit: 2, total: 5 })
      t.equal(data.items.length, size, `page ${page}`)
      for (const item of data.items) t.strictSame(Object.keys(item).sort(), PATIENT_KEYS)
      pages.push(...data.items.map((p: { id: string }) => p.id))
    }
    t.strictSame(new Set(pages), new Set(made.values()), 'the pages together hold every match once')
    t.strictSame(pages, all.json().data.items.map((p: { id: string }) => p.id), 'in the same order as one big page')

    const defaults = await call(who, 'GET', '/api/patients')
    t.strictSame({ page: defaults.json().data.page, limit: defaults.json().data.limit }, { page: 1, limit: 20 })
  }

  const percent = await inCare('Wildcard 100% Sehat')
  await inCare('Wildcard 1000 Sehat')
  const underscore = await inCare('Wildcard Sehat_Lagi')
  await inCare('Wildcard SehatXLagi')
  const search = async (term: string) => {
    const res = await call(doctor, 'GET', `/api/patients?search=${encodeURIComponent(term)}&limit=100`)
    t.equal(res.statusCode, 200, term)
    return res.json().data.items.map((p: { id: string }) => p.id)
  }
  t.strictSame(await search('%'), [percent.patientId], '% is a literal character')
  t.strictSame(await search('0% S'), [percent.patientId])
  t.strictSame(await search('_'), [underscore.patientId], '_ is a literal character')
  t.strictSame(await search('wildcard sehat_'), [underscore.patientId])
  t.equal((await search('WILDCARD')).length, 4)
  t.strictSame(await search('no such patient name'), [])

  for (const [query, field, rule] of [
    ['limit=0', 'querystring.limit', 'must be >= 1'],
    ['limit=101', 'querystring.limit', 'must be <= 100'],
    ['page=0', 'querystring.page', 'must be >= 1'],
    ['search=', 'querystring.search', 'must NOT have fewer than 1 characters'],
    ['sort=name', 'querystring.sort', "unknown property 'sort'"],
    [`search=${'x'.repeat(101)}`, 'querystring.search', 'must NOT have more than 100 characters'],
  ] as const) {
    assertInvalid(t, await call(doctor, 'GET', `/api/patients?${query}`), field, rule)
  }
  const patient = await patientWithProfile(stack, 'Nosy Patient')
  assertError(t, await call(patient, 'GET', '/api/patients'), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertError(t, await call(patient, 'GET', '/api/patients?search=Wildcard'), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertError(t, await call(null, 'GET', '/api/patients'), 401, 'UNAUTHORIZED', 'A bearer access token is required')
})

t.test('GET /api/patients/:id', async (t) => {
  const patient = await inCare('Lookup Patient')
  const own = (await call(patient, 'GET', '/api/patients/me')).json().data.patient
  for (const who of [doctor, admin]) {
    const res = await call(who, 'GET', `/api/patients/${patient.patientId}`)
    t.equal(res.statusCode, 200, res.body)
    t.strictSame(res.json(), { success: true, data: { patient: own } })
  }
  assertError(t, await call(doctor, 'GET', '/api/patients/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c'), 404, 'NOT_FOUND', 'Patient not found')
  assertInvalid(t, await call(admin, 'GET', '/api/patients/lookup'), 'params.id', 'must match format "uuid"')
  assertError(t, await call(patient, 'GET', `/api/patients/${patient.patientId}`), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertError(t, await call(null, 'GET', `/api/patients/${patient.patientId}`), 401, 'UNAUTHORIZED', 'A bearer access token is required')
})
