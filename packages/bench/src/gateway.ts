import { findNginx, freePort, startNginx, type Teardown } from '@rekam/testing/e2e'
import type { BenchService, Services } from './services.js'
import { startScript, type Server } from './stack.js'

export interface Gateway extends Server {
  kind: 'nginx' | 'node'
}

/** The real nginx with the committed template; the launcher's Node gateway when nginx is missing. */
export async function startGateway (t: Teardown, services: Services): Promise<Gateway> {
  const upstream = (s: BenchService) => new URL(s.url).host
  if (findNginx()) {
    const nginx = await startNginx(t, { auth: upstream(services.auth), records: upstream(services.records) })
    return { kind: 'nginx', url: nginx.url, pid: nginx.process.child.pid! }
  }
  const port = await freePort()
  const proc = await startScript(t, 'node-gateway', 'node-gateway.ts', port, { AUTH_UPSTREAM: services.auth.url, RECORDS_UPSTREAM: services.records.url })
  return { kind: 'node', url: `http://127.0.0.1:${port}`, pid: proc.child.pid! }
}
