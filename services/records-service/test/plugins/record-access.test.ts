/**
 * The records repository and the record-access service on a bare Fastify with a test database:
 * no HTTP, no tokens, only the plugins these layers need.
 */
import { randomUUID } from 'node:crypto'
import type { AccessTokenClaims, Role } from '@rekam/auth-verify'
import { loadConfig } from '@rekam/server-kit'
import { createTestDatabase } from '@rekam/testing'
import Fastify from 'fastify'
import fp from 'fastify-plugin'
import t from 'tap'
import { ConfigSchema } from '../../src/config.js'
import accessLogRepository from '../../src/plugins/app/access-log-repository.js'
import amendmentRequestsRepository from '../../src/plugins/app/amendment-requests-repository.js'
import careRepository from '../../src/plugins/app/care-repository.js'
import clock from '../../src/plugins/app/clock.js'
import db from '../../src/plugins/app/db.js'
import doctorsRepository from '../../src/plugins/app/doctors-repository.js'
import patientsRepository from '../../src/plugins/app/patients-repository.js'
import recordAccess from '../../src/plugins/app/record-access.js'
import recordVersionsRepository from '../../src/plugins/app/record-versions-repository.js'
import recordsRepository from '../../src/plugins/app/records-repository.js'

const database = await createTestDatabase(t)
const config = loadConfig(ConfigSchema, { NODE_ENV: 'test', DATA_DIR: 'memory://', ...(database.url ? { DATABASE_URL: database.url } : {}) })

const app = Fastify({ logger: false })
// What @fastify/env gives the service: the validated config.
await app.register(fp(async (f) => { f.decorate('config', config) }, { name: '@fastify/env' }))
await app.register(clock, { now: () => new Date('2026-07-01T08:00:00Z') })
await app.register(db)
for (const plugin of [patientsRepository, doctorsRepository, recordsRepository, recordVersionsRepository, accessLogRepository, careRepository, amendmentRequestsRepository, recordAccess]) await app.register(plugin)
await app.ready()
t.teardown(() => app.close())

const claims = (role: Role, sub = randomUUID()) => ({ sub, role }) as AccessTokenClaims
const owner = claims('PATIENT')
const stranger = claims('PATIENT')
const author = claims('DOCTOR')
const admin = claims('ADMIN')

const doctor = await app.doctorsRepository.upsertForUser(author.sub, { fullName: 'dr. Layer', specialization: 'General Practice' })
const patient = await app.patientsRepository.upsertForUser(owner.sub, { fullName: 'Layer Patient', dateOfBirth: '1990-01-02' })
await app.patientsRepository.upsertForUser(stranger.sub, { fullName: 'Other Patient', dateOfBirth: '1991-03-04' })
const body = { patientId: patient.id, visitDate: '2026-06-30', complaint: 'Cough', diagnosis: 'Cold', treatment: 'Rest' }
// A doctor writes only for a patient in their care: an admin assigned this one.
await app.careRepository.create({ patientId: patient.id, doctorId: doctor.id, source: 'ASSIGNED', grantedByUserId: admin.sub, grantedByRole: 'ADMIN', startsAt: new Date('2026-06-01T00:00:00Z') })
const created = await app.recordAccess.create(body, author, 'req-create')

t.test('a record as its patient sees it, and as staff see it', async (t) => {
  const expected = {
    id: created.id,
    patientId: patient.id,
    doctorId: doctor.id,
    visitDate: '2026-06-30',
    complaint: 'Cough',
    diagnosis: 'Cold',
    treatment: 'Rest',
    prescription: null,
    notes: null,
    createdAt: created.createdAt,
    updatedAt: created.updatedAt,
    doctor: { id: doctor.id, fullName: 'dr. Layer', specialization: 'General Practice' },
    version: 1,
    status: 'draft',
    signedAt: null,
    signedBy: null,
    signature: null,
    errorReason: null,
  }
  t.strictSame(await app.recordAccess.get(created.id, owner, 'req-owner'), expected)
  t.strictSame(await app.recordAccess.get(created.id, admin, 'req-admin'), {
    ...expected,
    patient: { id: patient.id, fullName: 'Layer Patient', dateOfBirth: '1990-01-02' },
  })
})

t.test('mayReadLog decides who may read a record\'s trail, and says when there is none', async (t) => {
  const actor = (user: AccessTokenClaims) => ({ userId: user.sub, role: user.role })
  t.equal(await app.recordsRepository.mayReadLog(created.id, actor(owner)), true, 'its patient')
  t.equal(await app.recordsRepository.mayReadLog(created.id, actor(stranger)), false, 'another patient')
  t.equal(await app.recordsRepository.mayReadLog(created.id, actor(admin)), true, 'an admin')
  t.equal(await app.recordsRepository.mayReadLog(randomUUID(), actor(owner)), undefined, 'no such record')
})

t.test('a doctor outside the patient\'s care neither reads nor writes their records', async (t) => {
  const outsider = claims('DOCTOR')
  await app.doctorsRepository.upsertForUser(outsider.sub, { fullName: 'dr. Outside', specialization: 'Neurology' })
  await t.rejects(app.recordAccess.get(created.id, outsider, 'req-outside'), { statusCode: 403, message: /not in your care/ })
  await t.rejects(app.recordAccess.create(body, outsider, 'req-outside-write'), { statusCode: 403, message: /not in your care/ })
  t.strictSame(await app.recordAccess.list({ page: 1, limit: 20 }, outsider, 'req-outside-list'), { items: [], page: 1, limit: 20, total: 0 })
})

t.test('another patient is refused, and the refusal writes no READ row', async (t) => {
  await t.rejects(app.recordAccess.get(created.id, stranger, 'req-stranger'), { statusCode: 403, message: 'This medical record belongs to another patient' })
  await t.rejects(app.recordAccess.accessLog(created.id, stranger, { page: 1, limit: 20 }), { statusCode: 403, message: 'This medical record belongs to another patient' })
  await t.rejects(app.recordAccess.get(randomUUID(), owner, 'req-missing'), { statusCode: 404, message: 'Medical record not found' })
  const { rows, total } = await app.recordAccess.accessLog(created.id, owner, { page: 1, limit: 20 })
  t.equal(total, 3)
  t.strictSame(rows.map((row) => [row.action, row.actorUserId, row.actorRole, row.requestId]), [
    ['CREATE', author.sub, 'DOCTOR', 'req-create'],
    ['READ', owner.sub, 'PATIENT', 'req-owner'],
    ['READ', admin.sub, 'ADMIN', 'req-admin'],
  ])
})

t.test('a patient\'s own list holds only their records, each logged', async (t) => {
  const own = await app.recordAccess.list({ page: 1, limit: 20 }, owner, 'req-list')
  t.strictSame({ ...own, items: own.items.map((item) => item.id) }, { items: [created.id], page: 1, limit: 20, total: 1 })
  t.strictSame(await app.recordAccess.list({ page: 1, limit: 20 }, stranger, 'req-list-2'), { items: [], page: 1, limit: 20, total: 0 })
  const { rows } = await app.accessLogRepository.listForRecord(created.id, { page: 1, limit: 20 })
  t.strictSame(rows.filter((row) => row.requestId?.startsWith('req-list')).map((row) => row.actorUserId), [owner.sub])
})
