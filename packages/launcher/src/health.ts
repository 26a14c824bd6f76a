import { serviceUnavailable } from '@rekam/errors'
import type { FastifyInstance } from 'fastify'
import { GATEWAY_ROUTES, type Upstream } from './routes.js'

/**
 * How long a service's own `/health/ready` may take: its database check gives up after 2 s, so
 * 3 s without an answer counts as not ready. nginx waits as long (gateway/templates).
 */
export const READY_TIMEOUT_MS = 3000

/** The services behind the gateway, in the order nginx asks them (auth-service first). */
const SERVICES = [...new Set(GATEWAY_ROUTES.map((route) => route.upstream))]

/** Whether a service answers its `/health/ready` with a 2xx (nginx's auth_request rule). */
async function serviceReady (base: string, requestId: string): Promise<boolean> {
  try {
    // Nothing of the client's request goes on but its id, as from nginx.
    const res = await fetch(new URL('/health/ready', base), { headers: { 'x-request-id': requestId }, signal: AbortSignal.timeout(READY_TIMEOUT_MS) })
    await res.body?.cancel()
    return res.ok
  } catch {
    return false
  }
}

export interface HealthRoutesOptions {
  upstreams: Record<Upstream, string>
}

/**
 * The gateway's health, as the nginx template answers it (the same bodies and headers):
 * `/health/live`, the gateway itself, whatever the services do; `/health/ready`, 200 when every
 * service answers its own `/health/ready`, else 503 SERVICE_UNAVAILABLE naming the first (in
 * auth, records order) that does not. README, "Health checks".
 */
export async function healthRoutes (app: FastifyInstance, opts: HealthRoutesOptions) {
  app.get('/health/live', async () => ({ success: true, data: { status: 'live' } }))
  app.get('/health/ready', async (request) => {
    const ready = await Promise.all(SERVICES.map((name) => serviceReady(opts.upstreams[name], String(request.id))))
    const down = SERVICES.find((_name, i) => !ready[i])
    if (down) throw serviceUnavailable(`${down}-service is not ready`)
    return { success: true, data: { status: 'ready' } }
  })
}
