import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import postgres from 'postgres'
import { serviceTemplate } from '../database-template.js'
import { createTestDatabase, type TestDatabase } from '../test-database.js'
import { rsaTestKeyPem, SIGNING_KEY_SETTINGS } from '../test-keys.js'
import { ManagedProcess, baseEnv, freePort, type Teardown } from './processes.js'
import { repoPath, tempDir, type ServiceName } from './repo.js'

export interface RunningService {
  name: ServiceName
  port: number
  url: string
  process: ManagedProcess
  /** The postgres:// URL of the service's own database; undefined when it runs on embedded PGlite. */
  databaseUrl: string | undefined
  /** Its database and data folder, to restart it on the same data (`StartServiceOptions`). */
  database: TestDatabase
  dataDir: string
  /** The service's pino lines so far, parsed (non-JSON lines are skipped). */
  logLines (): Array<Record<string, unknown>>
}

/** True when the service at `url` answers `/health/ready` with 200 (within 2 s). */
export async function isReady (url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) })
    await res.arrayBuffer()
    return res.status === 200
  } catch {
    return false
  }
}

export interface StartServiceOptions {
  /** Where to listen; a free loopback port by default. */
  port?: number
  /** A database to reuse (a restart on the same data); a fresh one by default. */
  database?: TestDatabase
  /** A data folder to reuse (a restart keeps the development signing key); a fresh one by default. */
  dataDir?: string
  /**
   * Rewrites the database URL the service is given, for example to reach the database through a
   * `TcpProxy`; the database itself is created on the real server.
   */
  databaseUrl?: (url: string) => string
}

/**
 * A new data folder holding auth-service's development signing key, as a restart finds the key its
 * first start made: a test key of this process (test-keys.ts), not one made at every start. Making
 * the key is tested in auth-service's own tests.
 */
function withDevelopmentKey (dataDir: string, name: ServiceName, env: Record<string, string>): string {
  if (name !== 'auth-service' || SIGNING_KEY_SETTINGS.some((setting) => setting in env)) return dataDir
  mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 })
  writeFileSync(join(dataDir, 'keys', 'jwt-rs256-private.pem'), rsaTestKeyPem(), { mode: 0o600 })
  return dataDir
}

/**
 * One built service (`node services/<name>/dist/server.js`) as a real process on a free loopback
 * port, on a fresh PostgreSQL database (or embedded PGlite in a temporary folder when the test
 * database mode allows it), in demo mode. Resolves when `/health/ready` answers 200.
 */
export async function startService (t: Teardown, name: ServiceName, env: Record<string, string> = {}, portOrOptions: number | StartServiceOptions = {}): Promise<RunningService> {
  const options = typeof portOrOptions === 'number' ? { port: portOrOptions } : portOrOptions
  // A copy of the service's migrated template: its migration at start finds nothing to do.
  const database = options.database ?? await createTestDatabase(t, undefined, serviceTemplate(name))
  const dataDir = options.dataDir ?? withDevelopmentKey(tempDir(t, name), name, env)
  const port = options.port ?? await freePort()
  const databaseUrl = database.url && options.databaseUrl ? options.databaseUrl(database.url) : database.url
  const url = `http://127.0.0.1:${port}`
  const proc = new ManagedProcess(t, name, process.execPath, ['dist/server.js'], {
    cwd: repoPath('services', name),
    env: {
      ...baseEnv(),
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_MODE: 'true',
      BCRYPT_COST: '4',
      LOG_LEVEL: 'info',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...env,
    },
  })
  // Another process may answer on the port this one was given (an ephemeral port taken between
  // freePort() and the listen): the service's own "listening" line says the answer is its own.
  const logsListening = ['info', 'debug', 'trace'].includes(env.LOG_LEVEL ?? 'info')
  await proc.waitFor(`${url}/health/ready answering 200`, async () => (!logsListening || proc.output.includes(`Server listening at ${url}`)) && await isReady(url), 90_000, 150)
  return {
    name,
    port,
    url,
    process: proc,
    databaseUrl: database.url,
    database,
    dataDir,
    logLines: () => proc.output.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return []
      try {
        return [JSON.parse(line) as Record<string, unknown>]
      } catch {
        return []
      }
    }),
  }
}

/**
 * A client of the service's own PostgreSQL database, for checking what it wrote; closed when
 * the test ends. Throws when the service runs on embedded PGlite (no one else can open that).
 */
export function serviceDatabase (t: Teardown, service: RunningService): postgres.Sql {
  if (!service.databaseUrl) throw new Error(`${service.name} runs on embedded PGlite; its database can be read only on PostgreSQL`)
  const sql = postgres(service.databaseUrl, { max: 2, connect_timeout: 5, onnotice: () => {} })
  t.teardown(() => sql.end({ timeout: 5 }))
  return sql
}

export interface Services {
  auth: RunningService
  records: RunningService
}

/** Extra environment for each service, over the defaults (and over the wiring, if set). */
export interface ServicesEnv {
  auth?: Record<string, string>
  records?: Record<string, string>
  /** auth-service's SMTP_URL: a test mail server's `url` (`@rekam/testing/mail`). */
  smtpUrl?: string
}

/**
 * auth-service and records-service side by side, wired as docker compose wires them:
 * records-service verifies tokens with auth-service's JWKS and follows its revocation feed.
 */
export async function startServices (t: Teardown, env: ServicesEnv = {}): Promise<Services> {
  const authPort = await freePort()
  const authUrl = `http://127.0.0.1:${authPort}`
  // As in compose: one internal secret for the revocation feed, which records-service follows.
  const internalSecret = randomBytes(32).toString('base64url')
  // Started together: records-service fetches the JWKS only when it first verifies a token.
  // allSettled: when one fails, the other has registered its teardown before the error surfaces.
  const [auth, records] = await Promise.allSettled([
    startService(t, 'auth-service', { INTERNAL_SECRET: internalSecret, ...(env.smtpUrl ? { SMTP_URL: env.smtpUrl } : {}), ...env.auth }, authPort),
    startService(t, 'records-service', {
      AUTH_JWKS_URL: `${authUrl}/.well-known/jwks.json`,
      AUTH_REVOCATIONS_URL: `${authUrl}/internal/revocations`,
      INTERNAL_SECRET: internalSecret,
      ...env.records,
    }),
  ])
  if (auth.status === 'rejected') throw auth.reason
  if (records.status === 'rejected') throw records.reason
  return { auth: auth.value, records: records.value }
}
