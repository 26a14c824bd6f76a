import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { startCommand } from '@rekam/launcher'
import { relaxedAuthLimits } from '@rekam/testing'
import { ManagedProcess, baseEnv, freePort, isReady, repoPath, tempDir, type Teardown } from '@rekam/testing/e2e'
import { PRELOAD, statsReader, twoPorts, type StatsReader } from './probe.js'

export interface BenchService {
  name: 'auth-service' | 'records-service'
  url: string
  process: ManagedProcess
  stats: StatsReader
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
