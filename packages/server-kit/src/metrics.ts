import { collectDefaultMetrics, Gauge, Registry } from 'prom-client'
import type { FastifyInstance } from 'fastify'
import { internalSecretGuard } from './internal.js'

export interface MetricsOptions {
  /** INTERNAL_SECRET: scrapers present it in `x-internal-secret`. */
  secret: string
  /** The service's own figures, read at each scrape (name → help text and reader). */
  gauges?: Record<string, { help: string, read: () => number }>
}

/**
 * `GET /internal/metrics` in the Prometheus text format: the process (resident memory, heap,
 * CPU, handles) and event-loop delay, from prom-client's default metrics, plus the service's own
 * gauges. The event-loop percentiles (`nodejs_eventloop_lag_p99_seconds`, ...) cover the time
 * since the previous scrape, measured at 1 ms resolution. Internal only: the secret is required and
 * the gateway does not route /internal.
 * @see https://github.com/siimon/prom-client
 */
export async function metricsRoutes (fastify: FastifyInstance, opts: MetricsOptions) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 1 })
  for (const [name, gauge] of Object.entries(opts.gauges ?? {})) {
    registry.registerMetric(new Gauge({ name, help: gauge.help, registers: [], collect () { this.set(gauge.read()) } }))
  }

  fastify.addHook('onRequest', internalSecretGuard(opts.secret))
  fastify.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType)
    return registry.metrics()
  })
}
