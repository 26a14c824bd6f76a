import Fastify from 'fastify'
import t, { type Test } from 'tap'
import { errorsPlugin } from '@rekam/errors'
import { authVerifyPlugin, requireAuthLevel } from '../src/index.js'
import { AUDIENCE, claims, get, ISSUER, now } from './helpers.js'
import { rsa, sign, staticKey } from './verify-setup.js'

const AAL2_HEADER = 'Bearer error="insufficient_user_authentication", error_description="This needs a sign-in with a second factor: confirm it is you, then try again", acr_values="urn:rekam:aal2", max_age=300'
const STALE_HEADER = 'Bearer error="insufficient_user_authentication", error_description="This needs a sign-in within the last 300 seconds: confirm it is you, then try again", acr_values="urn:rekam:aal2", max_age=300'

/** Routes guarded by the decorator (on the plugin's clock) and by the exported hook (its own). */
async function build (t: Test) {
  let ahead = 0
  const clock = { now: () => Date.now() + ahead, advance: (seconds: number) => { ahead += seconds * 1000 } }
  let hookAhead = 0
  const hookClock = { now: () => Date.now() + hookAhead, advance: (seconds: number) => { hookAhead += seconds * 1000 } }
  const app = Fastify({ logger: false })
  t.teardown(() => app.close())
  await app.register(errorsPlugin)
  await app.register(authVerifyPlugin, { issuer: ISSUER, audience: AUDIENCE, keys: [staticKey(rsa)], now: clock.now })
  app.delete('/step-up', {
    onRequest: app.authenticate,
    preHandler: [app.authorize('DOCTOR'), app.requireAuthLevel({ acr: 'urn:rekam:aal2', maxAgeSeconds: 300 })],
  }, async () => ({ deleted: true }))
  app.get('/aal2', { onRequest: app.authenticate, preHandler: app.requireAuthLevel({ acr: 'urn:rekam:aal2' }) }, async () => ({ ok: true }))
  app.get('/recent', { onRequest: [app.authenticate, requireAuthLevel({ maxAgeSeconds: 60 }, { now: hookClock.now })] }, async () => ({ ok: true }))
  app.get('/unauthenticated', { preHandler: app.requireAuthLevel({ acr: 'urn:rekam:aal1' }) }, async () => ({ ok: true }))
  await app.ready()
  const call = async (url: string, payload: Record<string, unknown>, method: 'GET' | 'DELETE' = 'GET') =>
    app.inject({ method, url, headers: { authorization: `Bearer ${await sign({ payload })}` } })
  return { app, clock, hookClock, call }
}

const doctor = (overrides: Record<string, unknown>) => claims({ role: 'DOCTOR', ...overrides })
const aal2 = (authTime = now()) => doctor({ amr: ['pwd', 'otp'], acr: 'urn:rekam:aal2', auth_time: authTime })

t.test('an aal1 token: 401 STEP_UP_REQUIRED with the RFC 9470 challenge', async (t) => {
  const { call } = await build(t)
  const res = await call('/step-up', doctor({ amr: ['pwd'], acr: 'urn:rekam:aal1' }), 'DELETE')
  t.equal(res.statusCode, 401)
  t.equal(res.headers['www-authenticate'], AAL2_HEADER)
  t.strictSame(res.json(), {
    success: false,
    error: { code: 'STEP_UP_REQUIRED', message: 'This needs a sign-in with a second factor: confirm it is you, then try again', requestId: res.json().error.requestId },
  })
  const legacy = await call('/step-up', doctor({}), 'DELETE')
  t.equal(legacy.statusCode, 401, 'a token without assurance claims counts as aal1')
  t.equal(legacy.headers['www-authenticate'], AAL2_HEADER)
})

t.test('aal2 signed in more than 300 s ago: 401 with max_age', async (t) => {
  const { call } = await build(t)
  const res = await call('/step-up', aal2(now() - 301), 'DELETE')
  t.equal(res.statusCode, 401)
  t.equal(res.headers['www-authenticate'], STALE_HEADER)
  t.strictSame(res.json(), {
    success: false,
    error: { code: 'STEP_UP_REQUIRED', message: 'This needs a sign-in within the last 300 seconds: confirm it is you, then try again', requestId: res.json().error.requestId },
  })
})

t.test('a fresh aal2 sign-in passes, until the clock moves past the max age', async (t) => {
  const { app, clock } = await build(t)
  const token = await sign({ payload: aal2() })
  const del = () => app.inject({ method: 'DELETE', url: '/step-up', headers: { authorization: `Bearer ${token}` } })
  const ok = await del()
  t.equal(ok.statusCode, 200)
  t.strictSame(ok.json(), { deleted: true })
  t.notOk(ok.headers['www-authenticate'])
  clock.advance(299)
  t.equal((await del()).statusCode, 200, '299 s later')
  clock.advance(3)
  const late = await del()
  t.equal(late.statusCode, 401, '302 s later')
  t.equal(late.headers['www-authenticate'], STALE_HEADER)
})

t.test('the role check comes first; an acr alone has no max_age', async (t) => {
  const { call } = await build(t)
  const patient = await call('/step-up', claims({ role: 'PATIENT' }), 'DELETE')
  t.equal(patient.statusCode, 403)
  t.equal(patient.json().error.code, 'FORBIDDEN')
  const weak = await call('/aal2', doctor({ auth_time: now() - 86_400 }))
  t.equal(weak.headers['www-authenticate'], 'Bearer error="insufficient_user_authentication", error_description="This needs a sign-in with a second factor: confirm it is you, then try again", acr_values="urn:rekam:aal2"')
  t.equal((await call('/aal2', aal2(now() - 86_400))).statusCode, 200, 'no age limit asked')
})

t.test('the exported hook as onRequest after authenticate, with a max age alone', async (t) => {
  const { call, clock, hookClock } = await build(t)
  t.equal((await call('/recent', doctor({ auth_time: now() - 30 }))).statusCode, 200, 'aal1 is enough here')
  const old = await call('/recent', doctor({ auth_time: now() - 61 }))
  t.equal(old.statusCode, 401)
  t.equal(old.headers['www-authenticate'], 'Bearer error="insufficient_user_authentication", error_description="This needs a sign-in within the last 60 seconds: confirm it is you, then try again", max_age=60')
  t.equal(old.json().error.code, 'STEP_UP_REQUIRED')
  hookClock.advance(-30)
  t.equal((await call('/recent', doctor({ auth_time: now() - 61 }))).statusCode, 200, 'the hook reads the clock it was given')
  clock.advance(3600)
  t.equal((await call('/recent', doctor({ auth_time: now() - 61 }))).statusCode, 200, 'not the plugin\'s')
})

t.test('without authenticate: 401 UNAUTHORIZED; a requirement of nothing is a programming error', async (t) => {
  const { app } = await build(t)
  const res = await get(app, undefined, '/unauthenticated')
  t.equal(res.statusCode, 401)
  t.equal(res.json().error.code, 'UNAUTHORIZED')
  t.throws(() => requireAuthLevel({}), /needs an acr, a maxAgeSeconds or both/)
  t.throws(() => requireAuthLevel({ maxAgeSeconds: 1.5 }), /whole number/)
})
