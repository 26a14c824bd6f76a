import { execFile } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startCommand } from '@rekam/launcher'
import { relaxedAuthLimits } from '@rekam/testing'
import { ManagedProcess, baseEnv, findNginx, freePort, isReady, portAnswers, repoPath, startNginx, tempDir, type Teardown } from '@rekam/testing/e2e'

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))
const child = (name: string) => fileURLToPath(new URL(`./children/${name}`, import.meta.url))
const PRELOAD = new URL('./preload/event-loop-delay.mjs', import.meta.url).href

/** Teardown for a run outside a test: steps run in reverse order, each even if another fails. */
export class Stack implements Teardown {
  readonly #steps: Array<() => unknown> = []

  teardown (fn: () => unknown): void {
    this.#steps.push(fn)
  }

  async close (): Promise<void> {
    for (const step of this.#steps.reverse()) {
      try {
        await step()
      } catch (err) {
        process.stderr.write(`teardown: ${(err as Error).message}\n`)
      }
    }
    this.#steps.length = 0
  }
}

/** What a service process reports from inside (the bench's preload, src/preload/). */
export interface ProcessStats {
  eventLoopDelay: { p50: number, p99: number, max: number, mean: number }
  eventLoopUtilization: number
  rss: number
}

/** Reads a process's stats since the last reset; `reset` starts a new window. */
export type StatsReader = (reset?: boolean) => Promise<ProcessStats>

export interface BenchService {
  name: 'auth-service' | 'records-service'
  url: string
  process: ManagedProcess
  stats: StatsReader
}

/** Two free ports (the OS may hand the same free port out twice in a row). */
async function twoPorts (port?: number): Promise<[number, number]> {
  const first = port ?? await freePort()
  let second = await freePort()
  while (second === first) second = await freePort()
  return [first, second]
}

function statsReader (probePort: number): StatsReader {
  return async (reset = false) => {
    const res = await fetch(`http://127.0.0.1:${probePort}/${reset ? '?reset' : ''}`)
    return await res.json() as ProcessStats
  }
}

/** The services' own settings the bench passes on when they are set in its environment. */
const PASSED_ON = ['PASSWORD_HASH_THREADS', 'PASSWORD_HASH_QUEUE', 'DB_POOL_SIZE', 'REDIS_URL', 'AUDIT_SEAL_INTERVAL']

/**
 * One built service, started by its production command with the bench's preload added, in
 * production mode on its bench database, logging warnings only (a request log line per request
 * would be measured too, and piped to the bench).
 */
async function startService (t: Teardown, name: BenchService['name'], env: Record<string, string>, port?: number): Promise<BenchService> {
  const [servicePort, probePort] = await twoPorts(port)
  const url = `http://127.0.0.1:${servicePort}`
  const passedOn = Object.fromEntries(PASSED_ON.flatMap((k) => process.env[k] ? [[k, process.env[k]!]] : []))
  const proc = new ManagedProcess(t, name, process.execPath, [`--import=${PRELOAD}`, ...startCommand(repoPath('services', name)).slice(1)], {
    cwd: repoPath('services', name),
    env: {
      ...baseEnv(),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(servicePort),
      DATA_DIR: tempDir(t, name),
      LOG_LEVEL: 'warn',
      // Production requires it (it seals TOTP secrets); a fresh one per run.
      MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
      BENCH_PROBE_PORT: String(probePort),
      ...passedOn,
      ...env,
    },
  })
  await proc.waitFor(`${url}/health/ready answering 200`, () => isReady(url), 120_000, 200)
  return { name, url, process: proc, stats: statsReader(probePort) }
}

export interface Services {
  auth: BenchService
  records: BenchService
}

/**
 * auth-service and records-service wired as in production: a configured signing key, strict
 * revocation through the internal feed, JWKS verification. The auth limits are raised so that
 * one load-generator address may sign in and refresh thousands of times a minute.
 */
export async function startServices (t: Teardown, databases: { auth: string, records: string }, bcryptCost: number): Promise<Services> {
  const internalSecret = randomBytes(32).toString('base64url')
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const authPort = await freePort()
  const authUrl = `http://127.0.0.1:${authPort}`
  // Started together: records-service fetches the JWKS only when it first verifies a token.
  // allSettled: when one fails, the other has registered its teardown before the error surfaces.
  const [auth, records] = await Promise.allSettled([
    startService(t, 'auth-service', {
      DATABASE_URL: databases.auth,
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      INTERNAL_SECRET: internalSecret,
      BCRYPT_COST: String(bcryptCost),
      // Access tokens outlive the whole run, so a scenario never meets an expired one.
      ACCESS_TOKEN_TTL: '7200',
      ...relaxedAuthLimits,
      RATE_LIMIT_REFRESH: '1000000',
    }, authPort),
    startService(t, 'records-service', {
      DATABASE_URL: databases.records,
      INTERNAL_SECRET: internalSecret,
      AUTH_JWKS_URL: `${authUrl}/.well-known/jwks.json`,
      AUTH_REVOCATIONS_URL: `${authUrl}/internal/revocations`,
      // Production requires it (NIK and BPJS numbers are sealed with it); the bench loads none.
      PATIENT_DATA_KEY: randomBytes(32).toString('base64url'),
    }),
  ])
  if (auth.status === 'rejected') throw auth.reason
  if (records.status === 'rejected') throw records.reason
  return { auth: auth.value, records: records.value }
}

/** A node script of this package as a managed child (tsx for TypeScript), resolving when `port` answers. */
async function startScript (t: Teardown, name: string, script: string, port: number, env: Record<string, string>, preload: string[] = []): Promise<ManagedProcess> {
  const proc = new ManagedProcess(t, name, process.execPath, ['--conditions=@rekam/source', '--import=tsx', ...preload, child(script)], {
    cwd: PACKAGE_DIR,
    env: { ...baseEnv(), ...env, PORT: String(port) },
  })
  await proc.waitFor(`port ${port} answering`, () => portAnswers(port), 60_000, 100)
  return proc
}

/** A process the bench started, by address. */
export interface Server {
  url: string
  pid: number
}

/** The bare Fastify floors (src/children/floor-server.ts) on the records database, with the same probe as the services. */
export async function startFloors (t: Teardown, recordsDatabase: string): Promise<Server & { stats: StatsReader }> {
  const [port, probePort] = await twoPorts()
  const env = { DATABASE_URL: recordsDatabase, POOL_SIZE: process.env.DB_POOL_SIZE ?? '10', BENCH_PROBE_PORT: String(probePort) }
  const proc = await startScript(t, 'floors', 'floor-server.ts', port, env, [`--import=${PRELOAD}`])
  return { url: `http://127.0.0.1:${port}`, pid: proc.child.pid!, stats: statsReader(probePort) }
}

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

export interface BcryptFloor {
  threads: number
  compares: number
  seconds: number
  perSecond: number
}

/** Raw bcryptjs compares per second in a worker-thread pool (src/children/bcrypt-floor.ts). */
export async function measureBcrypt (hash: string, password: string, seconds: number, warmupSeconds: number): Promise<BcryptFloor> {
  const threads = process.env.PASSWORD_HASH_THREADS
  const { stdout } = await promisify(execFile)(process.execPath, ['--import=tsx', child('bcrypt-floor.ts')], {
    cwd: PACKAGE_DIR,
    env: {
      ...baseEnv(),
      BENCH_HASH: hash,
      BENCH_PASSWORD: password,
      BENCH_SECONDS: String(seconds),
      BENCH_WARMUP_SECONDS: String(warmupSeconds),
      ...(threads ? { PASSWORD_HASH_THREADS: threads } : {}),
    },
  })
  return JSON.parse(stdout) as BcryptFloor
}
