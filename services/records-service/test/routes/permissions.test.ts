import t from 'tap'
import { PERMISSIONS } from '../../src/services/permissions.js'
import { assertError } from '@rekam/testing'
import { buildStaticStack, signUp } from '../helper.js'

const stack = await buildStaticStack(t)
const app = stack.records

t.test('GET /api/records/permissions tells each role what it may do, from its token', async (t) => {
  for (const role of ['PATIENT', 'DOCTOR', 'ADMIN'] as const) {
    const person = await signUp(stack.auth, role)
    const res = await app.inject({ method: 'GET', url: '/api/records/permissions', headers: person.headers })
    t.equal(res.statusCode, 200, role)
    const data = res.json().data
    t.strictSame(data, { userId: person.userId, role, permissions: PERMISSIONS[role], expiresAt: data.expiresAt })
    const left = Date.parse(data.expiresAt) - Date.now()
    t.ok(left > 0 && left <= 15 * 60 * 1000, `the token's expiry (${Math.round(left / 1000)} s from now)`)
    t.equal(res.headers['cache-control'], 'no-store')
  }
  t.ok(PERMISSIONS.PATIENT.every((p) => p.endsWith(':own') || p === 'doctors:list'), 'a patient reaches only their own data')
  t.notOk(PERMISSIONS.DOCTOR.includes('records:update:any'), 'a doctor changes only records they wrote')
  t.notOk(PERMISSIONS.DOCTOR.some((p) => p.endsWith(':any')), 'a doctor reads only patients in their care (or by emergency access)')
  t.ok(PERMISSIONS.ADMIN.includes('audit:refusals:read') && PERMISSIONS.ADMIN.includes('audit:emergency-access:review'), 'admins review the trail')
})

t.test('it needs a valid token', async (t) => {
  assertError(t, await app.inject({ method: 'GET', url: '/api/records/permissions' }), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  assertError(t, await app.inject({ method: 'GET', url: '/api/records/permissions', headers: { authorization: 'Bearer nope' } }), 401, 'TOKEN_INVALID', 'The Authorization header must be "Bearer <access token>"')
})

t.test('it does no database work: it answers while the database is gone', async (t) => {
  const doctor = await signUp(stack.auth, 'DOCTOR')
  await app.database.close()
  const res = await app.inject({ method: 'GET', url: '/api/records/permissions', headers: doctor.headers })
  t.equal(res.statusCode, 200)
  t.equal(res.json().data.role, 'DOCTOR')
  t.not((await app.inject({ method: 'GET', url: '/api/records', headers: doctor.headers })).statusCode, 200, 'while routes that need it do not')
})
