/**
 * The whole stack as deployed, for the gateway-nginx*.test.ts files: the built services as real
 * processes on fresh PostgreSQL databases, behind the real nginx running the committed gateway
 * template, and a client of the gateway.
 */
import type { Test } from 'tap'
import { client, ensureBuilt, startNginx, startServices, type Client, type RunningNginx, type RunningService } from '@rekam/testing/e2e'

export interface GatewayStack {
  auth: RunningService
  records: RunningService
  gateway: RunningNginx
  api: Client
}

/** Starts the stack; call it in `t.before`, so that a failed start still runs every teardown. */
export async function startGatewayStack (t: Test, nginxBin: string | undefined): Promise<GatewayStack> {
  for (const note of ensureBuilt()) t.comment(note)
  const { auth, records } = await startServices(t)
  const gateway = await startNginx(t, { auth: `127.0.0.1:${auth.port}`, records: `127.0.0.1:${records.port}` }, nginxBin)
  // Runs before the processes are stopped: on a failure, show what the services and nginx said.
  t.teardown(() => {
    if (t.passing()) return
    for (const service of [auth, records]) {
      const problems = service.logLines().filter((line) => Number(line.level) >= 40).map((line) => JSON.stringify(line))
      process.stderr.write(`\n[e2e] ${service.name} warnings and errors:\n${problems.join('\n').slice(-8000)}\n`)
    }
    process.stderr.write(`\n[e2e] nginx error.log:\n${gateway.errorLog().slice(-8000)}\n`)
  })
  return { auth, records, gateway, api: client(gateway.url) }
}
