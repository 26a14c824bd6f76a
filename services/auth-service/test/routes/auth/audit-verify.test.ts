import { grantServiceRole } from '@rekam/db'
import { assertError, checkTamperEvidence, type TrailAnswer } from '@rekam/testing'
import t from 'tap'
import { auditTables } from '../../../src/db/audit-trails.js'
import { bearer, buildTestApp, login, register, registerAs } from '../../helper.js'

const app = await buildTestApp(t)
const admin = await registerAs(app, 'ADMIN')
const user = await register(app)
const verify = (token?: string) => app.inject({ method: 'GET', url: '/api/auth/audit/verify', headers: token ? bearer(token) : {} })
const countEvents = async () => (await app.securityEventsRepository.list({ page: 1, limit: 1 })).total

t.test('GET /api/auth/audit/verify: the security events, sealed and intact, for admins only', async (t) => {
  await login(app, user.user.username, 'not the password at all', { 'user-agent': 'rekam-test/verify' })
  const rows = await countEvents()
  const res = await verify(admin.tokens.accessToken)
  t.equal(res.statusCode, 200, res.body)
  const { data } = res.json()
  t.match(data, { checkedAt: /^\d{4}-\d\d-\d\dT/, trails: [{ head: { seq: 1, sealHash: /^[0-9a-f]{64}$/ } }] })
  t.strictSame({ ...data, checkedAt: 'time', trails: data.trails.map((r: { head: object }) => ({ ...r, head: 'head' })) }, {
    intact: true,
    checkedAt: 'time',
    trails: [{ trail: 'security_events', rows, sealedRows: rows, pendingRows: 0, seals: 1, head: 'head', firstMismatch: null }],
  })

  assertError(t, await verify(), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  assertError(t, await verify(user.tokens.accessToken), 403, 'FORBIDDEN', 'You do not have permission to do this')
})

t.test('events keep their client data beside the sealed row; new events are pending until the next run', async (t) => {
  const events = await app.securityEventsRepository.list({ page: 1, limit: 1, type: 'LOGIN_FAILED' })
  t.match(events.rows[0], { type: 'LOGIN_FAILED', userId: user.user.id, ip: '127.0.0.1', userAgent: 'rekam-test/verify' }, 'listed with its client')
  await login(app, user.user.username, user.password)
  t.ok(await app.auditSealer.seal() >= 1, 'the timer\'s run seals the new events')
  t.equal(await app.auditSealer.seal(), 0, 'and then has nothing to do')
})

t.test('tampering with security_events is detected; the service\'s role may only read and insert', { skip: !app.config.DATABASE_URL && 'needs PostgreSQL' }, async (t) => {
  await login(app, user.user.username, 'wrong again, for a second seal')
  await verify(admin.tokens.accessToken)
  const answer = async (): Promise<TrailAnswer[]> => (await verify(admin.tokens.accessToken)).json().data.trails
  await checkTamperEvidence(t, { url: app.config.DATABASE_URL!, table: 'security_events', verify: answer, grant: (role) => grantServiceRole(app.database, role, auditTables) })
})
