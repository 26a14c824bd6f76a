import Fastify, { type FastifyInstance } from 'fastify'
import t from 'tap'
import { errorsPlugin } from '@rekam/errors'
import { healthRoutes, type HealthOptions } from '../src/index.js'

async function buildApp (t: { teardown (fn: () => unknown): void }, opts: HealthOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  t.teardown(() => app.close())
  await app.register(errorsPlugin)
  await app.register(healthRoutes, opts)
  await app.ready()
  return app
}

t.test('/health/live answers without checking dependencies', async (t) => {
  const app = await buildApp(t, { ready: () => Promise.reject(new Error('down')) })
  const res = await app.inject({ method: 'GET', url: '/health/live' })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { success: true, data: { status: 'live' } })
})

t.test('/health/ready when ready() resolves → 200', async (t) => {
  let calls = 0
  const app = await buildApp(t, { ready: async () => { calls++ } })
  const res = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { success: true, data: { status: 'ready' } })
  t.equal(calls, 1, 'readiness is checked on each request')
})

t.test('/health/ready when ready() rejects → 503 SERVICE_UNAVAILABLE', async (t) => {
  const app = await buildApp(t, { ready: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:5432')) })
  const res = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(res.statusCode, 503)
  t.equal(res.headers['retry-after'], '5')
  const body = res.json()
  t.match(body, { success: false, error: { code: 'SERVICE_UNAVAILABLE', message: String, requestId: String } })
  t.equal(body.error.code, 'SERVICE_UNAVAILABLE')
  t.notMatch(body.error.message, /ECONNREFUSED|10\.0\.0\.7/, 'the cause is logged, not shown')
})

t.test('/health/ready when ready() hangs → 503 once timeoutMs has passed', async (t) => {
  const app = await buildApp(t, { ready: () => new Promise<void>(() => {}), timeoutMs: 150 })
  const started = performance.now()
  const res = await app.inject({ method: 'GET', url: '/health/ready' })
  const elapsed = performance.now() - started
  t.equal(res.statusCode, 503)
  t.equal(res.json().error.code, 'SERVICE_UNAVAILABLE')
  t.ok(elapsed >= 140, `waited for the timeout (${Math.round(elapsed)} ms)`)
  t.ok(elapsed < 1000, `did not wait much longer than the timeout (${Math.round(elapsed)} ms)`)
})

t.test('/health/ready when ready() throws synchronously → 503, not 500', async (t) => {
  const app = await buildApp(t, { ready: () => { throw new Error('boom') } })
  const res = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(res.statusCode, 503)
  t.equal(res.json().error.code, 'SERVICE_UNAVAILABLE')
})
