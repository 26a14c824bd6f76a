import { ErrorEnvelopeSchema, ErrorStatus } from '@rekam/errors'
import { success, Type } from '@rekam/schemas'
import { assertInvalid } from '@rekam/testing'
import { envelopeCheck, fieldNamesOf, fuzzEveryRoute, routeRecorder, rowsOf, shapesFrom, strict, watchTables, type FuzzTarget, type Known, type Query, type Route } from '@rekam/testing/properties'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { sql } from 'drizzle-orm'
import t from 'tap'
import { buildStack, doctorWithProfile, patientWithProfile, signUp, writeRecord } from './helper.js'

// Requests per route (about 45 routes): enough to reach past validation and authentication
// on each, few enough for a small machine. The documentation pages are static and get fewer.
const RUNS = 40
const runsFor = (route: Route) => route.url.startsWith('/api/records/docs') ? 10 : RUNS

const recorder = routeRecorder()
const stack = await buildStack(t, { recordsOnRoute: recorder.onRoute })
const routes = recorder.routes
const app = stack.records
const roles = ['PATIENT', 'DOCTOR', 'ADMIN'] as const
const patient = await patientWithProfile(stack, 'Fuzz Patient')
const doctor = await doctorWithProfile(stack, 'dr. Fuzz', 'General Practice')
const admin = await signUp(stack.auth, 'ADMIN')
// Someone else's profile and records, and a doctor who has not written a profile yet.
const otherPatient = await patientWithProfile(stack, 'Other Patient')
const newDoctor = await signUp(stack.auth, 'DOCTOR')
const tokens = { PATIENT: patient.accessToken, DOCTOR: doctor.accessToken, ADMIN: admin.accessToken }
const recordIds = [
  (await writeRecord(stack, doctor, patient.patientId)).id,
  (await writeRecord(stack, doctor, otherPatient.patientId)).id,
]
const people = [patient, doctor, admin, otherPatient, newDoctor]
// A care relationship and an emergency grant, so their ids are known to the fuzz too.
const now = app.clock.now()
const relationshipId = await app.careRepository.create({ patientId: otherPatient.patientId, doctorId: doctor.doctorId, source: 'GRANTED', grantedByUserId: otherPatient.userId, grantedByRole: 'PATIENT', startsAt: now })
const grantId = await app.careRepository.createGrant({ patientId: otherPatient.patientId, doctorId: doctor.doctorId, userId: doctor.userId, reason: 'Fuzz fixture: an emergency grant', startsAt: now, endsAt: new Date(now.getTime() + 3_600_000) })

const fixtures = {
  tokens: () => tokens,
  known: (kind: Known['kind']) => kind === 'id'
    ? [...recordIds, patient.patientId, otherPatient.patientId, doctor.doctorId, relationshipId, grantId, ...people.map((p) => p.userId)]
    : ['Fuzz Patient', 'dr. Fuzz', 'General Practice', ...people.map((p) => p.username)],
}

const query: Query = async (text) => rowsOf(await app.db.execute(sql.raw(text)))
// The access logs are watched for their ALLOWED rows only: a refused request writes its DENIED
// row (that is the point of it) and must leave everything else as it was. An ALLOWED row is
// written in the transaction of a read or change that succeeds. A refusal's repeat count
// (denied_access_counts) belongs to its DENIED row; the seals are the sealer's (a timer, and the
// verification), never a request's own change.
const LOGS = ['record_access_log', 'patient_access_log']
const watch = await watchTables(query, [...LOGS, 'denied_access_counts', 'audit_seals'])
const allowedRows = `select ${LOGS.map((log) => `(select md5(coalesce(string_agg(r::text, ',' order by r::text), '')) from "${log}" r where outcome = 'ALLOWED') as "${log}"`).join(', ')}`
const checksum = async (): Promise<Record<string, string>> => ({
  ...await watch.checksum(),
  ...Object.fromEntries(Object.entries((await query(allowedRows))[0] ?? {}).map(([k, v]) => [k, String(v)])),
})
const shapes = shapesFrom((await app.inject({ method: 'GET', url: '/api/records/docs/json' })).json())

const target: FuzzTarget = {
  inject: (request) => app.inject(request),
  fixtures,
  roles: [...roles],
  shapes,
  fieldNames: fieldNamesOf(shapes),
  checksum,
  envelope: envelopeCheck(TypeCompiler.Compile(strict(success(Type.Unknown()))), TypeCompiler.Compile(strict(ErrorEnvelopeSchema)), ErrorStatus),
  rawSuccess: (route) => route.method === 'OPTIONS' || route.url.startsWith('/api/records/docs') ||
    ['/internal/metrics', '/api/records/.well-known/jwks.json'].includes(route.url),
  // A record deleted by the fuzz is gone for good (soft delete); write another so ids stay live.
  afterWrite: async (spec) => {
    if (spec.route.method === 'DELETE') recordIds.unshift((await writeRecord(stack, doctor, patient.patientId)).id)
  },
}

t.test('the routes and tables under test are the real ones', async (t) => {
  const names = routes.map((r) => `${r.method} ${r.url}`)
  const expected = [
    'GET /api/records', 'POST /api/records', 'GET /api/records/:id', 'PATCH /api/records/:id', 'DELETE /api/records/:id',
    'GET /api/records/:id/access-log', 'GET /api/patients/me', 'PUT /api/patients/me', 'GET /api/patients',
    'GET /api/patients/:id', 'GET /api/doctors/me', 'PUT /api/doctors/me', 'GET /api/doctors',
    'POST /api/patients', 'POST /api/patients/intake-search', 'POST /api/patients/:id/claim-code', 'POST /api/patients/claim',
    'GET /api/patients/me/care-team', 'POST /api/patients/me/care-team', 'DELETE /api/patients/me/care-team/:doctorId',
    'GET /api/patients/me/emergency-access', 'GET /api/patients/me/access-log', 'GET /api/patients/:id/access-log', 'GET /api/patients/:id/care-team', 'POST /api/patients/:id/care-team',
    'DELETE /api/patients/:id/care-team/:relationshipId', 'POST /api/patients/:id/referrals', 'POST /api/patients/:id/emergency-access',
    'GET /api/audit/emergency-access', 'POST /api/audit/emergency-access/:id/review', 'GET /api/audit/refusals', 'GET /api/audit/verify',
    'GET /health/live', 'GET /health/ready', 'GET /api/records/docs/json',
  ]
  t.strictSame(expected.filter((name) => !names.includes(name)), [], 'every known route is enumerated')
  t.ok(shapes.get('POST /api/records')?.body?.properties?.visitDate, 'body schemas come from the OpenAPI document')
  t.ok(shapes.get('GET /api/records')?.query.patientId, 'query schemas too')
  t.strictSame(['patients', 'doctors', 'medical_records', 'care_relationships', 'emergency_access', 'patient_claim_codes'].filter((name) => !watch.tables.includes(name)), [], 'the tables are watched')
  t.strictSame(Object.keys(await checksum()).filter((name) => LOGS.includes(name)), LOGS, 'and the allowed rows of both access logs')
})

const successes = fuzzEveryRoute(t, target, routes, runsFor)

t.test('authenticated paths were reached, not only refused', async (t) => {
  for (const name of ['GET /api/records', 'GET /api/records/:id', 'GET /api/patients/me', 'GET /api/doctors/me', 'GET /api/patients', 'GET /api/doctors',
    'GET /api/patients/me/care-team', 'GET /api/audit/emergency-access', 'GET /api/audit/refusals']) {
    t.ok((successes.get(name) ?? 0) > 0, `${name} answered 2xx at least once`)
  }
})

t.test('what the properties found, pinned', async (t) => {
  t.test('a date in year 0 is a validation error, not a failed query (500)', async (t) => {
    const list = await app.inject({ method: 'GET', url: '/api/records?to=0000-01-01', headers: doctor.headers })
    assertInvalid(t, list, 'querystring.to', 'must match format "date"')
    const before = await watch.checksum()
    const create = await app.inject({
      method: 'POST',
      url: '/api/records',
      headers: doctor.headers,
      payload: { patientId: patient.patientId, visitDate: '0000-01-01', complaint: 'Cough', diagnosis: 'Cold', treatment: 'Rest' },
    })
    assertInvalid(t, create, 'body.visitDate', 'must match format "date"')
    t.strictSame(await watch.checksum(), before, 'nothing written')
  })

  t.test('a NUL character is a validation error, not a failed query (500)', async (t) => {
    const search = await app.inject({ method: 'GET', url: '/api/doctors?specialization=a%00b', headers: patient.headers })
    assertInvalid(t, search, 'querystring.specialization', 'must not contain a NUL character')
    const before = await watch.checksum()
    const profile = await app.inject({ method: 'PUT', url: '/api/patients/me', headers: patient.headers, payload: { fullName: 'a\u0000b', dateOfBirth: '1990-01-01' } })
    assertInvalid(t, profile, 'body.fullName', 'must not contain a NUL character')
    t.strictSame(await watch.checksum(), before, 'nothing written')
  })
})
