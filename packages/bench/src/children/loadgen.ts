/**
 * The load generator: a child of the bench, alone on its core (taskset), driving the services
 * and floors over loopback. It takes phases over IPC and answers each with its measurements.
 * Closed-loop load is autocannon; latency probes are open-loop (a request every 1/rate s).
 */
import { Agent, request } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import autocannon from 'autocannon'
import { latencyOf, type LoadResult, type LoadSpec, type PhaseResult, type PhaseSpec, type ProbeResult, type ProbeSpec } from '../load-spec.js'

interface Request { method?: string, path?: string, headers?: Record<string, string>, body?: string | Buffer }

/** One autocannon request definition that walks through the spec's paths, bodies or token pool. */
function requestsOf (spec: LoadSpec): autocannon.Request[] {
  let turn = 0
  const pool = spec.refreshTokens
  const headers = { ...spec.headers, ...(spec.bodies || pool ? { 'content-type': 'application/json' } : {}) }
  return [{
    method: spec.method,
    setupRequest: (req: Request) => {
      const i = turn++
      req.path = spec.paths[i % spec.paths.length]
      req.headers = { ...headers }
      if (spec.bodies) req.body = spec.bodies[i % spec.bodies.length]
      // An empty pool sends an unknown token, which answers 401 and shows up as non-2xx.
      if (pool) req.body = JSON.stringify({ refreshToken: pool.shift() ?? 'pool-exhausted' })
      return req
    },
    ...(pool
      ? {
          onResponse: (status: number, body: string) => {
            if (status === 200) pool.push((JSON.parse(body) as { data: { tokens: { refreshToken: string } } }).data.tokens.refreshToken)
          },
        }
      : {}),
  } as autocannon.Request]
}

async function load (spec: LoadSpec, seconds: number): Promise<LoadResult> {
  const samples: number[] = []
  const statuses: Record<string, number> = {}
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: spec.baseUrl,
      connections: spec.connections,
      duration: seconds,
      requests: requestsOf(spec),
      timeout: 30,
      // autocannon stops at the first sample tick after the duration: tick often, stop on time.
      sampleInt: 100,
    }, (err, done) => err ? reject(err) : resolve(done))
    instance.on('response', (_client, status, _bytes, responseTime) => {
      samples.push(responseTime)
      statuses[status] = (statuses[status] ?? 0) + 1
    })
  })
  const ok = result['2xx']
  return {
    name: spec.name,
    rps: ok / result.duration,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    seconds: result.duration,
    ...latencyOf(samples),
  }
}

async function probe (spec: ProbeSpec, seconds: number): Promise<ProbeResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 })
  const samples: number[] = []
  const statuses: Record<string, number> = {}
  let errors = 0
  const send = (intended: number) => new Promise<void>((resolve) => {
    const req = request(spec.url, { agent, headers: spec.headers, timeout: 30_000 }, (res) => {
      res.resume().on('end', () => {
        // From when the request was due, so a stalled server cannot hide its stall (no coordinated omission).
        samples.push(performance.now() - intended)
        statuses[res.statusCode!] = (statuses[res.statusCode!] ?? 0) + 1
        resolve()
      })
    })
    req.on('error', () => { errors++; resolve() })
    req.end()
  })
  const interval = 1000 / spec.rate
  const start = performance.now()
  const inFlight: Array<Promise<void>> = []
  for (let due = start; due < start + seconds * 1000; due += interval) {
    const wait = due - performance.now()
    if (wait > 0) await sleep(wait)
    inFlight.push(send(due))
  }
  await Promise.all(inFlight)
  agent.destroy()
  const ok = Object.entries(statuses).reduce((sum, [status, n]) => sum + (status.startsWith('2') ? n : 0), 0)
  return { name: spec.name, sent: inFlight.length, ok, non2xx: samples.length - ok, errors, statuses, ...latencyOf(samples) }
}

async function phase (spec: PhaseSpec, measuring: () => void): Promise<PhaseResult> {
  const run = (seconds: number) => Promise.all([
    Promise.all(spec.loads.map((l) => load(l, seconds))),
    Promise.all(spec.probes.map((p) => probe(p, seconds))),
  ])
  if (spec.warmupSeconds > 0) await run(spec.warmupSeconds)
  measuring()
  const [loads, probes] = await run(spec.seconds)
  return { loads, probes }
}

process.on('message', (message: { id: number, phase: PhaseSpec }) => {
  // Tells the bench when the measured part starts, so it can start its own windows then.
  phase(message.phase, () => process.send!({ id: message.id, measuring: true })).then(
    (result) => process.send!({ id: message.id, result }),
    (err: Error) => process.send!({ id: message.id, error: err.stack ?? err.message }),
  )
})
process.on('disconnect', () => process.exit(0))
