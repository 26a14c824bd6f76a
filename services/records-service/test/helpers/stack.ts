import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, createTokenIssuer, serviceTemplate, relaxedAuthLimits, relaxedRecordsLimits, testDatabaseWait, type Teardown, type TokenIssuer } from '@rekam/testing'
import { buildTestAuthApp, type TestAuthApp } from '@rekam/auth-service/testing'
import { buildApp, type RecordsApp } from '../../src/app.js'

/** The shared internal secret of the test stack (auth-service's feed asks for it). */
export const INTERNAL_SECRET = 'test-internal-secret-0123456789abcdef'

export type AuthApp = TestAuthApp

export interface Stack {
  auth: AuthApp
  records: RecordsApp
  jwksUrl: string
  /** auth-service's database (undefined on PGlite), for commands run beside the service. */
  authDatabaseUrl: string | undefined
}

export interface StackOptions {
  database?: 'postgres' | 'pglite'
  recordsEnv?: Record<string, string>
  /** Extra auth-service environment (for example DEMO_MODE). */
  authEnv?: Record<string, string>
  /** records-service's clock for its date rules (tokens keep the real one). */
  recordsNow?: () => Date
  /** records-service's token verifier's clock in ms (its JWKS cache and token memory). */
  verifierNow?: () => number
  /** Where records-service's log lines go (at info); no logs otherwise. */
  recordsLogStream?: { write (line: string): void }
  /** Told of every records-service route as it is added. */
  recordsOnRoute?: (route: { method: string | string[], url: string }) => void
}

/**
 * A real auth-service listening on a loopback port and a records-service that verifies its
 * tokens through the JWKS over HTTP, each on its own fresh database.
 */
export async function buildStack (t: Teardown, options: StackOptions = {}): Promise<Stack> {
  const authDb = await createTestDatabase(t, options.database, serviceTemplate('auth-service'))
  const auth = await buildTestAuthApp({
    databaseUrl: authDb.url,
    env: { ...relaxedAuthLimits, INTERNAL_SECRET, ...options.authEnv },
  })
  t.teardown(() => auth.close())
  await auth.listen({ host: '127.0.0.1', port: 0 })
  const { port } = auth.server.address() as AddressInfo
  const jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`

  const records = await buildRecordsApp(t, options, {
    AUTH_JWKS_URL: jwksUrl,
    // Strict mode, as in production: the revocation feed is followed every 200 ms.
    INTERNAL_SECRET,
    AUTH_REVOCATIONS_URL: `http://127.0.0.1:${port}/internal/revocations`,
    REVOCATION_POLL_INTERVAL_MS: '200',
  })
  return { auth, records, jwksUrl, authDatabaseUrl: authDb.url }
}

type RecordsOptions = Pick<StackOptions, 'database' | 'recordsEnv' | 'recordsNow' | 'verifierNow' | 'recordsLogStream' | 'recordsOnRoute'>

/** records-service on its own fresh database, verifying tokens as `keys` says; closed when the test ends. */
async function buildRecordsApp (t: Teardown, options: RecordsOptions, keys: Record<string, string>): Promise<RecordsApp> {
  const recordsDb = await createTestDatabase(t, options.database, serviceTemplate('records-service'))
  const records = await buildApp({
    now: options.recordsNow,
    verifierNow: options.verifierNow,
    onRoute: options.recordsOnRoute,
    ...(options.recordsLogStream ? { logLevel: 'info', logStream: options.recordsLogStream } : { logLevel: false }),
    env: {
      NODE_ENV: 'test',
      DATA_DIR: 'memory://',
      ...keys,
      ...relaxedRecordsLimits,
      ...testDatabaseWait,
      ...(recordsDb.url ? { DATABASE_URL: recordsDb.url } : {}),
      ...options.recordsEnv,
    },
  })
  t.teardown(() => records.close())
  await records.ready()
  return records
}

/** Signs tokens for route tests: no auth-service, no revocation feed, a static public key. */
export interface StaticAuth {
  issuer: TokenIssuer
}

/** records-service verifying tokens on a static public key: for tests whose subject is not auth-service. */
export interface StaticStack {
  auth: StaticAuth
  records: RecordsApp
}

/**
 * records-service alone, on its own fresh database, verifying access tokens with the public key
 * of a token issuer the test holds (AUTH_PUBLIC_KEY_FILE) and with strict revocation off: the
 * route tests need tokens, not a live auth-service. Tests of the JWKS, revocations, key rotation
 * and whole flows use buildStack.
 */
export async function buildStaticStack (t: Teardown, options: RecordsOptions = {}): Promise<StaticStack> {
  const issuer = createTokenIssuer()
  const dir = await mkdtemp(join(tmpdir(), 'rekam-keys-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const keyFile = join(dir, 'auth-public-key.pem')
  await writeFile(keyFile, issuer.publicKeyPem)
  const records = await buildRecordsApp(t, options, { AUTH_PUBLIC_KEY_FILE: keyFile, REVOCATION_STRICT: 'false' })
  return { auth: { issuer }, records }
}
