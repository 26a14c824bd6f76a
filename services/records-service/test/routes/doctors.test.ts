import t from 'tap'
import { assertError, assertInvalid, optionalField } from '@rekam/testing'
import { buildStaticStack, doctorWithProfile, patientWithProfile, signUp, type Person } from '../helper.js'

// One stack for the file; list assertions search by names unique to each subtest.
const stack = await buildStaticStack(t)
const app = stack.records

type Method = 'GET' | 'PUT'
const call = (who: Pick<Person, 'headers'> | null, method: Method, url: string, payload?: unknown) =>
  app.inject({ method, url, headers: who?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) })

const DOCTOR_KEYS = ['createdAt', 'fullName', 'id', 'licenseNumber', 'specialization', 'updatedAt', 'userId']

const admin = await signUp(stack.auth, 'ADMIN')
const patient = await patientWithProfile(stack)

t.test('GET|PUT /api/doctors/me', async (t) => {
  const me = await signUp(stack.auth, 'DOCTOR')
  assertError(t, await call(me, 'GET', '/api/doctors/me'), 404, 'NOT_FOUND', 'No doctor profile yet: create it with PUT /api/doctors/me')

  const profile = { fullName: 'dr. Rina Kusuma', specialization: 'Pediatrics', licenseNumber: 'STR-TEST-0001' }
  const created = await call(me, 'PUT', '/api/doctors/me', profile)
  t.equal(created.statusCode, 200, created.body)
  t.equal(created.json().message, 'Profile saved')
  const doctor = created.json().data.doctor
  t.strictSame(Object.keys(doctor).sort(), DOCTOR_KEYS)
  t.match(doctor, { ...profile, userId: me.userId, id: /^[0-9a-f-]{36}$/ })

  const read = await call(me, 'GET', '/api/doctors/me')
  t.strictSame(read.json(), { success: true, data: { doctor } })

  const replaced = await call(me, 'PUT', '/api/doctors/me', { fullName: 'dr. Rina K.', specialization: 'Pediatrics' })
  t.equal(replaced.statusCode, 200)
  t.strictSame(replaced.json().data.doctor, { ...doctor, fullName: 'dr. Rina K.', licenseNumber: null, updatedAt: replaced.json().data.doctor.updatedAt }, 'licenseNumber left out becomes null; same id')
  const again = await call(me, 'PUT', '/api/doctors/me', profile)
  t.equal(again.statusCode, 200, 'a doctor may keep re-saving their own licence number')
  t.equal(again.json().data.doctor.licenseNumber, 'STR-TEST-0001')

  for (const [name, body, field, rules] of [
    ['missing specialization', { fullName: 'dr. X' }, 'body.specialization', "must have required property 'specialization'"],
    ['unknown field', { ...profile, userId: admin.userId }, 'body.userId', "unknown property 'userId'"],
    ['empty licence', { ...profile, licenseNumber: '' }, 'body.licenseNumber', optionalField('must NOT have fewer than 1 characters')],
    ['numeric licence', { ...profile, licenseNumber: 1234 }, 'body.licenseNumber', optionalField('must be string')],
  ] as const) {
    t.comment(name)
    assertInvalid(t, await call(me, 'PUT', '/api/doctors/me', body), field, rules)
  }

  for (const who of [patient, admin]) {
    assertError(t, await call(who, 'GET', '/api/doctors/me'), 403, 'FORBIDDEN', 'You do not have permission to do this')
    assertError(t, await call(who, 'PUT', '/api/doctors/me', profile), 403, 'FORBIDDEN', 'You do not have permission to do this')
  }
  assertError(t, await call(null, 'GET', '/api/doctors/me'), 401, 'UNAUTHORIZED', 'A bearer access token is required')
})

t.test('a licence number belongs to one doctor: 409 CONFLICT, nothing changed', async (t) => {
  const first = await doctorWithProfile(stack, 'dr. First Licence')
  const firstSaved = await call(first, 'PUT', '/api/doctors/me', { fullName: 'dr. First Licence', specialization: 'Surgery', licenseNumber: 'STR-DUP-0001' })
  t.equal(firstSaved.statusCode, 200)

  const newcomer = await signUp(stack.auth, 'DOCTOR')
  assertError(t, await call(newcomer, 'PUT', '/api/doctors/me', { fullName: 'dr. Copycat', specialization: 'Surgery', licenseNumber: 'STR-DUP-0001' }),
    409, 'CONFLICT', 'That licence number is already registered to another doctor')
  // The refused creation left no profile behind.
  assertError(t, await call(newcomer, 'GET', '/api/doctors/me'), 404, 'NOT_FOUND', 'No doctor profile yet: create it with PUT /api/doctors/me')

  const second = await doctorWithProfile(stack, 'dr. Second Licence')
  const secondBefore = (await call(second, 'GET', '/api/doctors/me')).json().data.doctor
  assertError(t, await call(second, 'PUT', '/api/doctors/me', { fullName: 'dr. Renamed', specialization: 'Surgery', licenseNumber: 'STR-DUP-0001' }),
    409, 'CONFLICT', 'That licence number is already registered to another doctor')
  t.strictSame((await call(second, 'GET', '/api/doctors/me')).json().data.doctor, secondBefore, 'the refused replacement changed nothing')
  t.strictSame((await call(first, 'GET', '/api/doctors/me')).json().data.doctor, firstSaved.json().data.doctor, 'the owner keeps it')

  // Doctors without a licence number do not collide with each other.
  const noLicence = await call(newcomer, 'PUT', '/api/doctors/me', { fullName: 'dr. Copycat', specialization: 'Surgery' })
  t.equal(noLicence.statusCode, 200)
  t.equal(noLicence.json().data.doctor.licenseNumber, null)
})

t.test('GET /api/doctors: any signed-in role, search and specialization filter', async (t) => {
  const cardio1 = await doctorWithProfile(stack, 'dr. Listcase Anwar', 'Cardiology')
  const cardio2 = await doctorWithProfile(stack, 'dr. LISTCASE Bintang', 'cardiology')
  const neuro = await doctorWithProfile(stack, 'dr. listcase Citra', 'Neurology')
  const percent = await doctorWithProfile(stack, 'dr. Listcase 100% Dewa', 'Dermatology')
  const all = [cardio1, cardio2, neuro, percent].map((d) => d.doctorId)

  const list = async (who: Person, query: string) => {
    const res = await call(who, 'GET', `/api/doctors?${query}`)
    t.equal(res.statusCode, 200, `${query}: ${res.body}`)
    return res.json().data
  }
  const noProfileDoctor = await signUp(stack.auth, 'DOCTOR')
  for (const who of [patient, admin, cardio1, noProfileDoctor]) {
    const data = await list(who, 'search=listcase&limit=100')
    t.equal(data.total, 4, 'search ignores case')
    t.strictSame(new Set(data.items.map((d: { id: string }) => d.id)), new Set(all))
    const keys = who === patient ? ['fullName', 'id', 'specialization'] : DOCTOR_KEYS
    for (const item of data.items) t.strictSame(Object.keys(item).sort(), keys)
  }

  const cardio = await list(patient, 'search=listcase&specialization=CARDIOLOGY')
  t.strictSame(new Set(cardio.items.map((d: { id: string }) => d.id)), new Set([cardio1.doctorId, cardio2.doctorId]), 'specialization matches whole, ignoring case')
  t.strictSame((await list(patient, 'search=listcase&specialization=Cardio')).items, [], 'not a prefix match')
  t.strictSame((await list(patient, 'search=listcase&specialization=neurology')).items.map((d: { id: string }) => d.id), [neuro.doctorId])
  t.strictSame((await list(patient, 'search=listcase&specialization=%25')).items, [], '% in a specialization is literal')
  t.strictSame((await list(patient, 'search=%25')).items.map((d: { id: string }) => d.id), [percent.doctorId], '% in a search is literal')
  t.strictSame((await list(patient, 'search=bintang')).items.map((d: { id: string }) => d.id), [cardio2.doctorId])

  const pages: string[] = []
  for (const [page, size] of [[1, 3], [2, 1], [3, 0]] as const) {
    const data = await list(admin, `search=listcase&limit=3&page=${page}`)
    t.strictSame({ page: data.page, limit: data.limit, total: data.total }, { page, limit: 3, total: 4 })
    t.equal(data.items.length, size)
    pages.push(...data.items.map((d: { id: string }) => d.id))
  }
  t.strictSame(new Set(pages), new Set(all), 'the pages together hold every match once')
  t.equal(pages.length, 4)

  for (const [query, field, rule] of [
    ['limit=0', 'querystring.limit', 'must be >= 1'],
    ['limit=101', 'querystring.limit', 'must be <= 100'],
    ['page=-1', 'querystring.page', 'must be >= 1'],
    ['search=', 'querystring.search', 'must NOT have fewer than 1 characters'],
    ['specialization=', 'querystring.specialization', 'must NOT have fewer than 1 characters'],
    ['userId=x', 'querystring.userId', "unknown property 'userId'"],
  ] as const) {
    assertInvalid(t, await call(patient, 'GET', `/api/doctors?${query}`), field, rule)
  }
})

t.test('GET /api/doctors: a patient sees each doctor\'s name and specialization only; staff the whole profile', async (t) => {
  const listed = await doctorWithProfile(stack)
  const saved = await call(listed, 'PUT', '/api/doctors/me', { fullName: 'dr. Shapecase Eka', specialization: 'Oncology', licenseNumber: 'STR-SHAPE-0001' })
  const full = saved.json().data.doctor
  t.strictSame(Object.keys(full).sort(), DOCTOR_KEYS)

  const forPatient = await call(patient, 'GET', '/api/doctors?search=shapecase')
  t.equal(forPatient.statusCode, 200)
  t.strictSame(forPatient.json(), {
    success: true,
    data: { items: [{ id: full.id, fullName: 'dr. Shapecase Eka', specialization: 'Oncology' }], page: 1, limit: 20, total: 1 },
  }, 'no user id, licence number or timestamps')

  for (const who of [admin, listed]) {
    const res = await call(who, 'GET', '/api/doctors?search=shapecase')
    t.strictSame(res.json(), { success: true, data: { items: [full], page: 1, limit: 20, total: 1 } })
  }

  const docs = (await app.inject({ method: 'GET', url: '/api/records/docs/json' })).json()
  const page = docs.paths['/api/doctors/'].get.responses['200'].content['application/json'].schema.properties.data
  type Branch = { $ref?: string, properties: object }
  const resolve = (branch: Branch): Branch => branch.$ref ? docs.components.schemas[branch.$ref.split('/').pop()!] : branch
  t.strictSame(page.properties.items.items.anyOf.map((branch: Branch) => Object.keys(resolve(branch).properties).sort()),
    [DOCTOR_KEYS, ['fullName', 'id', 'specialization']], 'the OpenAPI document describes both shapes')
})

t.test('tokens: none is 401 UNAUTHORIZED, a bad one 401 TOKEN_INVALID', async (t) => {
  const doctor = await doctorWithProfile(stack)
  assertError(t, await call(null, 'GET', '/api/doctors'), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  const [header, payload, signature] = doctor.accessToken.split('.') as [string, string, string]
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'ADMIN' })).toString('base64url')
  const malformed = 'The Authorization header must be "Bearer <access token>"'
  const invalid = 'The access token is invalid'
  for (const [name, authorization, message] of [
    ['garbage', 'Bearer garbage', malformed],
    ['not bearer', `Basic ${Buffer.from('a:b').toString('base64')}`, malformed],
    ['three junk segments', 'Bearer aaaa.bbbb.cccc', invalid],
    ['bad signature', `Bearer ${header}.${payload}.${signature.slice(0, -4)}AAAA`, invalid],
    ['changed claims', `Bearer ${header}.${forged}.${signature}`, invalid],
    // No kid in the header: no key of the JWKS can be the one.
    ['unsigned', `Bearer ${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`, 'The access token was signed with an unknown key'],
  ] as const) {
    const res = await app.inject({ method: 'GET', url: '/api/doctors', headers: { authorization } })
    assertError(t, res, 401, 'TOKEN_INVALID', message)
    t.pass(name)
  }
  const ok = await call(doctor, 'GET', '/api/doctors')
  t.equal(ok.statusCode, 200, 'the real token still works')
})
