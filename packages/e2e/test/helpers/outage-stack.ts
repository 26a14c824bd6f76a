import { randomBytes } from 'node:crypto'
import type { Test } from 'tap'
import { client, ensureBuilt, findNginx, freePort, startNginx, startService, startTcpProxy, type ApiResponse, type Client, type RunningService, type TcpProxy } from '@rekam/testing/e2e'
import type { Timed } from './outage-burst.js'

export const nginxBin = findNginx()

/** Shorter than the 5 s default so the file stays quick; the bound under test is this one. */
export const DB_CONNECT_TIMEOUT = '3'
/** The README's promise, 5 s: DB_CONNECT_TIMEOUT plus 2 s of slack for a busy machine. */
export const OUTAGE_ANSWER_MS = 5_000
/**
 * "At once": under DB_CONNECT_TIMEOUT, so no answer waited for a connection; the rest is slack
 * for 50 requests through nginx on a 2-core machine that runs other test files beside this one.
 */
export const CIRCUIT_OPEN_MS = 2_500
/** As many requests at once as the issue measured, on the default pool of 10. */
export const BURST = 50
/** How long a service may take to serve again once its database is back. */
export const RECOVERY_MS = 15_000

export function assertUnavailable (t: Test, label: string, res: Timed) {
  t.equal(res.status, 503, `${label}: 503`)
  t.equal(res.body?.success, false, `${label}: error envelope`)
  t.equal(res.body?.error?.code, 'SERVICE_UNAVAILABLE', `${label}: SERVICE_UNAVAILABLE`)
  t.equal(res.body?.error?.requestId, res.headers.get('x-request-id'), `${label}: requestId`)
  t.ok(res.ms < OUTAGE_ANSWER_MS, `${label}: answered in ${Math.round(res.ms)} ms`)
}

/** Polls until every check passes; resolves with how long it took. */
export async function until (what: string, service: RunningService, checks: Array<() => Promise<boolean>>): Promise<number> {
  const started = performance.now()
  let passing = false
  await service.process.waitFor(what, async () => {
    passing = (await Promise.all(checks.map((check) => check()))).every(Boolean)
    return passing
  }, RECOVERY_MS, 200)
  return performance.now() - started
}

export const status = (send: () => Promise<ApiResponse>, wanted: number) => async () => (await send().catch(() => undefined))?.status === wanted

export interface Stack {
  auth: RunningService
  records: RunningService
  authDb: TcpProxy
  recordsDb: TcpProxy
  authApi: Client
  recordsApi: Client
  /** The real nginx in front of both, when installed; else the bursts go to the services. */
  gateway: Client | undefined
}

export async function startStack (t: Test): Promise<Stack> {
  for (const note of ensureBuilt()) t.comment(note)
  const [authDb, recordsDb] = await Promise.all([startTcpProxy(t), startTcpProxy(t)])
  const internalSecret = randomBytes(32).toString('base64url')
  const authPort = await freePort()
  // Started together: records-service fetches the JWKS only when it first verifies a token.
  const [auth, records] = await Promise.all([
    startService(t, 'auth-service', { INTERNAL_SECRET: internalSecret, DB_CONNECT_TIMEOUT }, { port: authPort, databaseUrl: (url) => authDb.url(url) }),
    startService(t, 'records-service', {
      AUTH_JWKS_URL: `http://127.0.0.1:${authPort}/.well-known/jwks.json`,
      AUTH_REVOCATIONS_URL: `http://127.0.0.1:${authPort}/internal/revocations`,
      INTERNAL_SECRET: internalSecret,
      DB_CONNECT_TIMEOUT,
    }, { databaseUrl: (url) => recordsDb.url(url) }),
  ])
  t.ok(authDb.liveConnections > 0 && recordsDb.liveConnections > 0, 'both services reach PostgreSQL through their proxy')
  const nginx = nginxBin ? await startNginx(t, { auth: `127.0.0.1:${auth.port}`, records: `127.0.0.1:${records.port}` }, nginxBin) : undefined
  if (!nginx) t.comment('nginx is not installed: the bursts go straight to the services')
  return { auth, records, authDb, recordsDb, authApi: client(auth.url), recordsApi: client(records.url), gateway: nginx && client(nginx.url) }
}
