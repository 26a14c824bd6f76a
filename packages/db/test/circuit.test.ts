import t, { type Test } from 'tap'
import { createCircuit } from '../src/index.js'

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })

/**
 * A circuit on a clock the test moves. The interval is long enough that the circuit's own
 * timer never fires during the test: every probe here is one the test asks for with tick().
 */
function circuit (t: Test, answers: Array<'up' | 'down'>) {
  let clock = 1_000
  const probes: number[] = []
  const opened: unknown[] = []
  const breaker = createCircuit({
    probeIntervalMs: 60_000,
    now: () => clock,
    probe: async () => {
      probes.push(clock)
      if ((answers.shift() ?? 'up') === 'down') throw refused
    },
    onOpen: (cause) => opened.push(cause),
  })
  t.teardown(() => breaker.dispose())
  return { breaker, probes, opened, advance: (ms: number) => { clock += ms } }
}

t.test('SQL errors and unknown errors leave it closed', async (t) => {
  const { breaker, probes } = circuit(t, [])
  for (const error of [
    Object.assign(new Error('duplicate key value'), { code: '23505' }),
    Object.assign(new Error('syntax error'), { code: '42601' }),
    Object.assign(new Error('too many connections'), { code: '53300' }),
    Object.assign(new Error('No database connection within 5000 ms'), { code: 'DB_POOL_TIMEOUT' }),
    new Error('no code'),
    undefined,
  ]) breaker.record(error)
  t.equal(breaker.state, 'closed')
  t.doesNotThrow(() => breaker.check())
  await breaker.tick()
  t.strictSame(probes, [], 'a closed circuit never probes')
})

t.test('each kind of connection error opens it', async (t) => {
  const kinds = [
    refused,
    Object.assign(new Error('write CONNECT_TIMEOUT'), { code: 'CONNECT_TIMEOUT' }),
    Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }),
    Object.assign(new Error('write CONNECTION_ENDED'), { code: 'CONNECTION_ENDED' }),
    Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' }),
    Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    new AggregateError([refused], 'every address refused'),
  ]
  for (const error of kinds) {
    const { breaker, opened } = circuit(t, ['down'])
    breaker.record(error)
    t.equal(breaker.state, 'open', (error as Error).message)
    t.strictSame(opened, [error], 'onOpen hears the cause')
  }
})

t.test('open: refuses at once, probes at once, then once per interval, and closes on the first answer', async (t) => {
  const { breaker, probes, opened, advance } = circuit(t, ['down', 'down', 'up'])
  breaker.record(refused)
  t.throws(() => breaker.check(), { code: 'DB_CIRCUIT_OPEN' })
  await breaker.tick()
  t.strictSame(probes, [1_000], 'the first probe runs as the circuit opens')
  t.equal(breaker.state, 'open', 'it failed')

  breaker.record(refused)
  t.equal(opened.length, 1, 'errors while open do not reopen it')
  advance(59_999)
  await breaker.tick()
  t.strictSame(probes, [1_000], 'no probe before the interval has passed')
  advance(1)
  await breaker.tick()
  t.strictSame(probes, [1_000, 61_000], 'the next probe, one interval after the failed one')
  t.equal(breaker.state, 'open')
  t.throws(() => breaker.check(), { code: 'DB_CIRCUIT_OPEN' })

  advance(60_000)
  await Promise.all([breaker.tick(), breaker.tick(), breaker.tick()])
  t.strictSame(probes, [1_000, 61_000, 121_000], 'one probe at a time')
  t.equal(breaker.state, 'closed', 'the probe answered: closed')
  t.doesNotThrow(() => breaker.check())

  advance(600_000)
  await breaker.tick()
  t.equal(probes.length, 3, 'a closed circuit stops probing')
  breaker.record(refused)
  t.equal(breaker.state, 'open', 'and opens again on the next connection error')
  t.equal(opened.length, 2)
})

t.test('closes by itself, with no traffic, on its own timer', async (t) => {
  let up = false
  const breaker = createCircuit({
    // Real time here (the timer is the point), kept short.
    probeIntervalMs: 20,
    probe: async () => { if (!up) throw refused },
  })
  t.teardown(() => breaker.dispose())
  breaker.record(refused)
  await breaker.tick()
  t.equal(breaker.state, 'open')
  up = true
  const started = performance.now()
  while (breaker.state === 'open' && performance.now() - started < 2_000) await new Promise((resolve) => setTimeout(resolve, 5))
  t.equal(breaker.state, 'closed', 'a timed probe closed it')
})
