import { DEMO_ACCOUNTS, DEMO_PATIENT_NUMBERS, DEMO_WALK_IN_PATIENT } from '@rekam/demo-data'
import { assertError, createTestDatabase } from '@rekam/testing'
import { asc } from 'drizzle-orm'
import t from 'tap'
import { buildApp, type RecordsApp } from '../../src/app.js'
import { doctors, medicalRecords, patients } from '../../src/db/schema.js'
import { seedDemoData } from '../../src/services/demo-data.js'
import { buildStack, signIn, signUp, type Person } from '../helper.js'

const get = (app: RecordsApp, url: string, who?: Person) => app.inject({ method: 'GET', url, headers: who?.headers ?? {} })

t.test('health, OpenAPI and the 404 envelope', async (t) => {
  const stack = await buildStack(t)
  const app = stack.records

  t.test('/health/live and /health/ready answer 200 without a token', async (t) => {
    const live = await get(app, '/health/live')
    t.equal(live.statusCode, 200)
    t.strictSame(live.json(), { success: true, data: { status: 'live' } })
    const ready = await get(app, '/health/ready')
    t.equal(ready.statusCode, 200)
    // Readiness may add details about optional dependencies; the status is what probes read.
    t.match(ready.json(), { success: true, data: { status: 'ready' } })
  })

  t.test('the OpenAPI document lists every records-service path of DESIGN.md', async (t) => {
    const res = await get(app, '/api/records/docs/json')
    t.equal(res.statusCode, 200)
    const doc = res.json()
    t.equal(doc.openapi, '3.1.0')
    t.strictSame(doc.components.securitySchemes.bearerAuth, { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    // Prefixed `/` routes appear as `/api/records/`; both spellings are served (checked below).
    const paths = Object.fromEntries(Object.entries(doc.paths as Record<string, object>)
      .map(([path, operations]) => [path.replace(/(.)\/$/, '$1'), Object.keys(operations).sort()]))
    t.strictSame(paths, {
      '/api/records': ['get', 'post'],
      '/api/records/{id}': ['delete', 'get', 'patch'],
      '/api/records/{id}/access-log': ['get'],
      // Beyond DESIGN.md: what the token's role may do (README).
      '/api/records/permissions': ['get'],
      // Issue 20: signing, amendments, amendment requests, the record signing keys.
      '/api/records/{id}/sign': ['post'],
      '/api/records/{id}/amendments': ['post'],
      '/api/records/{id}/amendment-requests': ['get', 'post'],
      '/api/records/{id}/amendment-requests/{requestId}/accept': ['post'],
      '/api/records/{id}/amendment-requests/{requestId}/decline': ['post'],
      '/api/records/amendment-requests': ['get'],
      '/api/records/.well-known/jwks.json': ['get'],
      '/api/patients/me': ['get', 'put'],
      '/api/patients': ['get', 'post'],
      '/api/patients/{id}': ['get'],
      // Issue 19: front-desk registration and claim codes; care teams, break-the-glass, audit.
      '/api/patients/intake-search': ['post'],
      '/api/patients/{id}/claim-code': ['post'],
      '/api/patients/claim': ['post'],
      '/api/patients/me/care-team': ['get', 'post'],
      '/api/patients/me/care-team/{doctorId}': ['delete'],
      '/api/patients/me/emergency-access': ['get'],
      '/api/patients/me/access-log': ['get'],
      '/api/patients/{id}/access-log': ['get'],
      '/api/patients/{id}/care-team': ['get', 'post'],
      '/api/patients/{id}/care-team/{relationshipId}': ['delete'],
      '/api/patients/{id}/referrals': ['post'],
      '/api/patients/{id}/emergency-access': ['post'],
      '/api/audit/emergency-access': ['get'],
      '/api/audit/emergency-access/{id}/review': ['post'],
      '/api/audit/refusals': ['get'],
      // Issue 20: the trail's integrity.
      '/api/audit/verify': ['get'],
      '/api/doctors/me': ['get', 'put'],
      '/api/doctors': ['get'],
      '/health/live': ['get'],
      '/health/ready': ['get'],
    })
    const detail = doc.paths['/api/records/{id}'].get
    t.strictSame(detail.security, [{ bearerAuth: [] }])
    t.strictSame(Object.keys(detail.responses).sort(), ['200', '400', '401', '403', '404', '503'])

    const patient = await signUp(stack.auth, 'PATIENT')
    for (const url of ['/api/records', '/api/records/']) {
      const list = await get(app, url, patient)
      t.equal(list.statusCode, 200, url)
      t.strictSame(list.json().data, { items: [], page: 1, limit: 20, total: 0 })
    }
  })

  t.test('an unknown route is a 404 in the error envelope', async (t) => {
    assertError(t, await get(app, '/api/nope?secret=1'), 404, 'NOT_FOUND', 'Route GET /api/nope not found')
    assertError(t, await app.inject({ method: 'POST', url: '/api/records/x/y/z', payload: {} }), 404, 'NOT_FOUND', 'Route POST /api/records/x/y/z not found')
    assertError(t, await app.inject({ method: 'PUT', url: '/api/records' }), 404, 'NOT_FOUND', 'Route PUT /api/records not found')
  })
})

t.test('demo mode', async (t) => {
  const demoEnv = { DEMO_MODE: 'true' }
  const stack = await buildStack(t, { recordsEnv: demoEnv, authEnv: demoEnv })
  const app = stack.records
  const password = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!.password
  const as = (username: string) => signIn(stack.auth, `${username}@rekam.local`, password(username))
  const [andi, siti, sari, budi, admin] = await Promise.all(['andi', 'siti', 'dr.sari', 'dr.budi', 'admin'].map(as)) as [Person, Person, Person, Person, Person]
  const summary = (res: { json (): any }) => res.json().data.items.map((r: { visitDate: string, doctor: { fullName: string } }) => [r.visitDate, r.doctor.fullName])

  t.test('andi sees only his records, each with its doctor; siti only hers', async (t) => {
    const andiList = await get(app, '/api/records', andi)
    t.equal(andiList.statusCode, 200)
    t.strictSame(summary(andiList), [
      ['2026-06-20', 'dr. Sari Wulandari'],
      ['2026-03-02', 'dr. Budi Santoso'],
      ['2026-01-15', 'dr. Sari Wulandari'],
    ])
    const andiProfile = (await get(app, '/api/patients/me', andi)).json().data.patient
    t.match(andiProfile, {
      userId: DEMO_ACCOUNTS.find((a) => a.username === 'andi')!.id,
      fullName: 'Andi Pratama',
      dateOfBirth: '1990-04-12',
      gender: 'MALE',
      email: 'andi@rekam.local',
      nik: DEMO_PATIENT_NUMBERS.andi!.nik,
      bpjsNumber: DEMO_PATIENT_NUMBERS.andi!.bpjsNumber,
      claimed: true,
      mrn: /^RM-\d{6}$/,
    })
    // The walk-in patient is found at the desk by NIK, unclaimed.
    const walkIn = await app.inject({ method: 'POST', url: '/api/patients/intake-search', headers: sari.headers, payload: { nik: DEMO_WALK_IN_PATIENT.nik } })
    t.match(walkIn.json().data.items, [{ fullName: DEMO_WALK_IN_PATIENT.fullName, dateOfBirth: DEMO_WALK_IN_PATIENT.dateOfBirth, claimed: false }])
    t.ok(andiList.json().data.items.every((r: { patientId: string, patient?: unknown }) => r.patientId === andiProfile.id && r.patient === undefined))

    const sitiList = await get(app, '/api/records', siti)
    t.strictSame(summary(sitiList), [
      ['2026-08-03', 'dr. Sari Wulandari'],
      ['2026-05-12', 'dr. Budi Santoso'],
      ['2026-02-10', 'dr. Budi Santoso'],
    ])
    const sitiRecord = sitiList.json().data.items[0].id
    assertError(t, await get(app, `/api/records/${sitiRecord}`, andi), 403, 'FORBIDDEN', 'This medical record belongs to another patient')

    for (const staff of [sari, budi, admin]) t.equal((await get(app, '/api/records', staff)).json().data.total, 6)
    t.match((await get(app, '/api/doctors/me', sari)).json().data.doctor, { fullName: 'dr. Sari Wulandari', specialization: 'General Practice', licenseNumber: 'STR-DEMO-0001' })

    // The demo data follows the ownership rules like any other.
    const byBudi = sitiList.json().data.items[1].id
    assertError(t, await app.inject({ method: 'PATCH', url: `/api/records/${byBudi}`, headers: sari.headers, payload: { notes: 'x' } }), 403, 'FORBIDDEN', 'Only the doctor who wrote this record (or an admin) may change it')
    const own = await app.inject({ method: 'PATCH', url: `/api/records/${sitiRecord}`, headers: sari.headers, payload: { notes: 'Reviewed' } })
    t.equal(own.statusCode, 200)
  })

  t.test('starting again on the same database adds nothing', async (t) => {
    const open: RecordsApp[] = []
    // Registered before t.testdir(), so apps close before tap removes that folder.
    t.teardown(() => Promise.all(open.map((app) => app.close())))
    const database = await createTestDatabase(t)
    const env = {
      NODE_ENV: 'test',
      AUTH_JWKS_URL: stack.jwksUrl,
      DEMO_MODE: 'true',
      // PGlite keeps its files in a folder the two starts share.
      ...(database.url ? { DATABASE_URL: database.url, DATA_DIR: 'memory://' } : { DATA_DIR: t.testdir() }),
    }
    const snapshot = async (app: RecordsApp) => ({
      patients: (await app.db.select().from(patients).orderBy(asc(patients.id))).map((p) => p.id),
      doctors: (await app.db.select().from(doctors).orderBy(asc(doctors.id))).map((d) => d.id),
      records: (await app.db.select().from(medicalRecords).orderBy(asc(medicalRecords.id))).map((r) => r.id),
    })

    const first = await buildApp({ logLevel: false, env })
    open.push(first)
    await first.ready()
    const before = await snapshot(first)
    // andi, siti and the walk-in patient registered by dr. Sari.
    t.strictSame([before.patients.length, before.doctors.length, before.records.length], [3, 2, 6])
    await first.close()
    open.splice(open.indexOf(first), 1)

    const second = await buildApp({ logLevel: false, env })
    open.push(second)
    await second.ready()
    t.strictSame(await snapshot(second), before, 'the same rows, none added')
    t.equal(await seedDemoData(second), 0, 'seeding again creates nothing')
    t.equal((await get(second, '/api/records', andi)).json().data.total, 3, 'andi still has three records')
  })

  const fresh = await createTestDatabase(t)
  t.test('two instances starting together on a fresh database seed once', { skip: !fresh.url && 'needs PostgreSQL' }, async (t) => {
    const env = { NODE_ENV: 'test', DATA_DIR: 'memory://', AUTH_JWKS_URL: stack.jwksUrl, DEMO_MODE: 'true', DATABASE_URL: fresh.url! }
    const apps = [await buildApp({ logLevel: false, env }), await buildApp({ logLevel: false, env })]
    for (const app of apps) t.teardown(() => app.close())
    await Promise.all(apps.map((app) => app.ready()))
    t.equal((await apps[0]!.db.select().from(medicalRecords)).length, 6)
  })

  t.test('demo mode refuses to start in production', async (t) => {
    await t.rejects(buildApp({ logLevel: false, env: { NODE_ENV: 'production', DATA_DIR: 'memory://', DEMO_MODE: 'true' } }), /DEMO_MODE cannot be enabled when NODE_ENV=production/)
  })
})
