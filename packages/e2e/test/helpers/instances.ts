import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer, type Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import { createTestDatabase } from '@rekam/testing'
import { baseEnv, freePort, repoPath, startService, type RunningService, type Teardown } from '@rekam/testing/e2e'

/** One running instance, named for the messages (`auth-1`, `records-2`). */
export type Instance = RunningService & { label: string }

export interface Cluster {
  auth: [Instance, Instance]
  records: [Instance, Instance]
  /** Both auth instances' database: where the rotate command stages its key. */
  authDatabaseUrl: string
  keyEncryptionKey: string
}

/**
 * Two instances of each service on loopback, each pair on one database. The auth instances
 * keep their signing keys in that database (KEY_ENCRYPTION_KEY), so they sign with the same
 * key. records-N verifies with auth-N's JWKS and follows auth-N's revocation feed on its own, so
 * what the other auth instance did reaches it only through the shared database.
 */
export async function startCluster (t: Teardown, env: { auth: Record<string, string>, records: Record<string, string> }): Promise<Cluster> {
  const [authDb, recordsDb] = await Promise.all([createTestDatabase(t, 'postgres'), createTestDatabase(t, 'postgres')])
  const internalSecret = randomBytes(32).toString('base64url')
  const keyEncryptionKey = randomBytes(32).toString('base64url')
  const authPorts = await Promise.all([freePort(), freePort()])
  // The first of each seeds the demo accounts and records; the second runs as production
  // instances do, without demo mode.
  const demo = (i: number) => ({ DEMO_MODE: i === 0 ? 'true' : 'false' })
  const starts = [0, 1].flatMap((i) => [
    startService(t, 'auth-service', { INTERNAL_SECRET: internalSecret, KEY_ENCRYPTION_KEY: keyEncryptionKey, ...demo(i), ...env.auth }, { database: authDb, port: authPorts[i]! }),
    startService(t, 'records-service', {
      AUTH_JWKS_URL: `http://127.0.0.1:${authPorts[i]}/.well-known/jwks.json`,
      AUTH_REVOCATIONS_URL: `http://127.0.0.1:${authPorts[i]}/internal/revocations`,
      INTERNAL_SECRET: internalSecret,
      ...demo(i),
      ...env.records,
    }, { database: recordsDb }),
  ])
  // allSettled: when one fails, the others have registered their teardowns before the error surfaces.
  const settled = await Promise.allSettled(starts)
  const failed = settled.find((s) => s.status === 'rejected')
  if (failed) throw failed.reason
  const [a1, r1, a2, r2] = settled.map((s) => (s as PromiseFulfilledResult<RunningService>).value)
  const label = (service: RunningService, name: string): Instance => Object.assign(service, { label: name })
  return {
    auth: [label(a1!, 'auth-1'), label(a2!, 'auth-2')],
    records: [label(r1!, 'records-1'), label(r2!, 'records-2')],
    authDatabaseUrl: authDb.url!,
    keyEncryptionKey,
  }
}

/** The instances whose log says they answered this request id. */
function servedBy (instances: readonly Instance[], requestId: string): string[] {
  return instances.filter((i) => i.logLines().some((line) => line.reqId === requestId && line.msg === 'request completed')).map((i) => i.label)
}

/**
 * Request id → the instances that answered it, from one pass over every log; with `anyLine`,
 * the instances that logged anything about it (a request read but never answered included).
 */
export function servedIndex (instances: readonly Instance[], { anyLine = false } = {}): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const instance of instances) {
    const ids = new Set<string>()
    for (const line of instance.logLines()) {
      if (typeof line.reqId === 'string' && (anyLine || line.msg === 'request completed')) ids.add(line.reqId)
    }
    for (const id of ids) index.set(id, [...index.get(id) ?? [], instance.label])
  }
  return index
}

/** Waits for the answering instance's log line (it arrives through a pipe, a little after the answer). */
export async function waitServedBy (instances: readonly Instance[], requestId: string, timeoutMs = 5000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs
  while (true) {
    const labels = servedBy(instances, requestId)
    if (labels.length > 0 || Date.now() > deadline) return labels
    await sleep(50)
  }
}

/** The real `keys:rotate` command of the built service, as an operator runs it beside the instances. */
export async function rotateKeys (cluster: Cluster, delaySeconds: number) {
  const { stdout } = await promisify(execFile)(process.execPath, ['dist/scripts/rotate-keys.js', `--delay=${delaySeconds}`], {
    cwd: repoPath('services', 'auth-service'),
    env: { ...baseEnv(), NODE_ENV: 'test', DATABASE_URL: cluster.authDatabaseUrl, KEY_ENCRYPTION_KEY: cluster.keyEncryptionKey },
  })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { kid: string, activatesAt: string, retired: string[] }
}

export interface ResettingServer {
  port: number
  /** The x-request-id of every request it read (and then reset). */
  readonly seen: string[]
}

/**
 * An upstream that dies mid-request: it accepts the connection, reads the whole request (so the
 * gateway has sent it) and resets the connection without answering.
 */
export async function startResettingServer (t: Teardown): Promise<ResettingServer> {
  const seen: string[] = []
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    let buffered = Buffer.alloc(0)
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk])
      const end = buffered.indexOf('\r\n\r\n')
      if (end < 0) return
      const head = buffered.subarray(0, end).toString('latin1')
      const length = Number(/^content-length:\s*(\d+)/im.exec(head)?.[1] ?? 0)
      if (buffered.length < end + 4 + length) return
      seen.push(/^x-request-id:\s*(\S+)/im.exec(head)?.[1] ?? '')
      socket.resetAndDestroy()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy()
    server.close(() => resolve())
  }))
  return { port: (server.address() as { port: number }).port, seen }
}

/** A JWT's `kid`. */
export const kidOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid
