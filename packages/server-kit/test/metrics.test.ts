import Fastify from 'fastify'
import t from 'tap'
import { errorsPlugin } from '@rekam/errors'
import { metricsRoutes } from '../src/index.js'

const secret = 'a-secret-of-at-least-thirty-two-characters'

async function buildApp (t: { teardown (fn: () => unknown): void }) {
  let queued = 3
  const app = Fastify({ logger: false })
  t.teardown(() => app.close())
  await app.register(errorsPlugin)
  await app.register(metricsRoutes, {
    prefix: '/internal',
    secret,
    gauges: { test_queue_depth: { help: 'Things waiting', read: () => queued } },
  })
  await app.ready()
  return { app, setQueued: (n: number) => { queued = n } }
}

t.test('/internal/metrics needs the internal secret', async (t) => {
  const { app } = await buildApp(t)
  for (const headers of [{}, { 'x-internal-secret': 'wrong' }, { 'x-internal-secret': `${secret}x` }]) {
    const res = await app.inject({ method: 'GET', url: '/internal/metrics', headers })
    t.equal(res.statusCode, 401)
    t.equal(res.json().error.code, 'UNAUTHORIZED')
    t.notMatch(res.body, /nodejs_/, 'and shows nothing')
  }
})

t.test('/internal/metrics: process, event-loop delay and the service\'s own gauges, in the Prometheus format', async (t) => {
  const { app, setQueued } = await buildApp(t)
  // Block the loop for 100 ms (once the monitor has started sampling), let it see that, scrape.
  // Five times the 20 ms asserted below; and up to three tries, each scrape starting a new
  // window: on a busy machine a block was once seen as 13 ms, and once as 6.
  const scrape = () => app.inject({ method: 'GET', url: '/internal/metrics', headers: { 'x-internal-secret': secret } })
  const value = (body: string, name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(body)?.[1])
  const stalls: number[] = []
  let res = await scrape()
  for (let attempt = 0; attempt < 3 && !(stalls.at(-1)! >= 0.02); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    const until = Date.now() + 100
    while (Date.now() < until) { /* busy */ }
    await new Promise((resolve) => setTimeout(resolve, 20))
    res = await scrape()
    stalls.push(value(res.body, 'nodejs_eventloop_lag_max_seconds'))
  }

  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/plain/)
  t.ok(value(res.body, 'process_resident_memory_bytes') > 10_000_000, 'resident memory')
  t.ok(stalls.at(-1)! >= 0.02, `event-loop stall seen: ${stalls.join(', ')} s`)
  t.ok(Number.isFinite(value(res.body, 'nodejs_eventloop_lag_p99_seconds')), 'p99 event-loop delay')
  t.equal(value(res.body, 'test_queue_depth'), 3)

  setQueued(7)
  const again = await scrape()
  t.match(again.body, /^test_queue_depth 7$/m, 'gauges are read at each scrape')
})
