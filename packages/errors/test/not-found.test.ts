import rateLimit from '@fastify/rate-limit'
import Fastify from 'fastify'
import t from 'tap'
import { errorsPlugin, notFoundPlugin, tooManyRequests } from '../src/index.js'

t.test('the 404 handler refuses to be registered without a rate limiter', async (t) => {
  const app = Fastify({ logger: false })
  t.teardown(() => app.close())
  await app.register(errorsPlugin)
  app.register(notFoundPlugin, { rateLimit: async () => {} })
  await t.rejects(async () => { await app.ready() }, /@fastify\/rate-limit/)
})

t.test('unknown routes past the limit are 429 in the envelope; known routes are not limited', async (t) => {
  const app = Fastify({ logger: false })
  t.teardown(() => app.close())
  await app.register(errorsPlugin)
  await app.register(rateLimit, { global: false, errorResponseBuilder: (_request, context) => tooManyRequests(context.ttl / 1000) })
  await app.register(notFoundPlugin, { rateLimit: app.rateLimit({ max: 2, timeWindow: '1 minute' }) })
  app.get('/known', async () => ({ ok: true }))
  for (let i = 0; i < 2; i++) t.equal((await app.inject({ url: `/unknown-${i}` })).statusCode, 404)
  const limited = await app.inject({ url: '/unknown-2' })
  t.equal(limited.statusCode, 429)
  t.match(limited.json(), { success: false, error: { code: 'TOO_MANY_REQUESTS' } })
  t.ok(Number(limited.headers['retry-after']) > 0, 'with Retry-After')
  t.equal((await app.inject({ url: '/known' })).statusCode, 200)
})
