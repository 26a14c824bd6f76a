// Loaded into each service by the bench (`node --import=<this file> dist/server.js`): the
// service's event-loop delay, its event-loop utilisation and its RSS, read from inside the process
// without changing the service. Answers on 127.0.0.1:$BENCH_PROBE_PORT; `?reset` starts a new window.
import { createServer } from 'node:http'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { isMainThread } from 'node:worker_threads'

const ms = (ns) => Math.round(ns / 1e4) / 100

function start () {
  // 1 ms sampling: fine enough for a 10 ms target, cheap enough not to weigh on the service.
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  let elu = performance.eventLoopUtilization()

  const server = createServer((request, response) => {
    const body = {
      eventLoopDelay: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: ms(delay.mean) },
      eventLoopUtilization: performance.eventLoopUtilization(elu).utilization,
      rss: process.memoryUsage.rss(),
    }
    if (request.url?.includes('reset')) {
      delay.reset()
      elu = performance.eventLoopUtilization()
    }
    response.setHeader('content-type', 'application/json')
    response.end(JSON.stringify(body))
  })
  server.unref()
  // The bench notices a missing probe; the service must not fall over because of it.
  server.on('error', (err) => process.stderr.write(`bench probe: ${err.message}\n`))
  server.listen(Number(process.env.BENCH_PROBE_PORT), '127.0.0.1')
}

// Worker threads (the password-hashing pool) inherit --import; only the main thread's loop counts.
if (isMainThread) start()
