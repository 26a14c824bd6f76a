import type { SQL } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { rsaTestKeyPem, SIGNING_KEY_SETTINGS, testDatabaseWait } from '@rekam/testing'
import { totpCode } from './lib/totp.js'

/**
 * auth-service as other packages' tests drive it (records-service's stack tests start a real one
 * and let records-service verify its tokens through the JWKS).
 *
 * Declared here rather than imported from app.ts on purpose: both services augment
 * FastifyInstance (`config`, `db`) with their own types, and one TypeScript program cannot hold
 * both, so nothing a consumer's program reads from this file may lead to app.ts. auth-service's
 * own tests check that AuthApp still fits this shape (test/helper.ts).
 */
export type TestAuthApp = Pick<FastifyInstance, 'inject' | 'listen' | 'close' | 'server' | 'ready'> & {
  usersRepository: { update (id: string, changes: { role?: 'PATIENT' | 'DOCTOR' | 'ADMIN' }): Promise<unknown> }
  signingKeys: { reload (): Promise<void> }
  db: { execute (query: SQL): Promise<unknown> }
  /** The account-erasure job (docs/account-deletion.md), run by hand instead of waiting for the hour. */
  accountDeletion: { eraseDue (): Promise<number> }
}

export interface TestAuthAppOptions {
  /** postgres:// URL of the test database; undefined runs on PGlite in memory. */
  databaseUrl: string | undefined
  /** Overrides of the test environment (limits, feature switches, keys). */
  env?: Record<string, string>
  /** Told of every route as it is added. */
  onRoute?: (route: { method: string | string[], url: string }) => void
}

let sharedKey: string | undefined
/** One RSA key per test process (a test key, made once per machine): making one per app costs about half a second. */
function sharedSigningKey (): string {
  sharedKey ??= rsaTestKeyPem()
  return sharedKey
}

/** Tests about key loading choose their own; every other app signs with the shared key. */
const choosesKey = (env: Record<string, string>) =>
  [...SIGNING_KEY_SETTINGS, 'DATA_DIR'].some((name) => name in env)

/** Environment every test app starts from: cheap bcrypt, no files written. */
export function testEnv (databaseUrl: string | undefined, env: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATA_DIR: 'memory://',
    ...(choosesKey(env) ? {} : { JWT_PRIVATE_KEY: sharedSigningKey() }),
    // Cost 4 is bcrypt's minimum: the code path is the same, each hash ~1 ms instead of ~250 ms.
    BCRYPT_COST: '4',
    // Production requires one; tests seal TOTP secrets with this known key.
    MFA_ENCRYPTION_KEY: 'test-only key that seals the TOTP secrets of test apps',
    ...testDatabaseWait,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  }
}

interface AppModule {
  buildApp (options: { logLevel: false, env: Record<string, string>, onRoute?: TestAuthAppOptions['onRoute'] }): Promise<TestAuthApp>
}
// A specifier TypeScript does not follow (see TestAuthApp); at run time it is ./app.js beside this file.
const appModule: string = './app.js'

/** The real app on the given database, without logs; the caller closes it. */
export async function buildTestAuthApp (options: TestAuthAppOptions): Promise<TestAuthApp> {
  const { buildApp } = await import(appModule) as AppModule
  return buildApp({ logLevel: false, onRoute: options.onRoute, env: testEnv(options.databaseUrl, options.env) })
}

/**
 * Signs a test user in by password; a staff account, which must have a second factor, enrols a
 * TOTP authenticator with the enrolment ticket the password earns (codes computed from the
 * secret, as an app would show them). The access token, and the secret for later sign-ins.
 */
export async function signInEnrolling (app: Pick<TestAuthApp, 'inject'>, username: string, password: string): Promise<{ accessToken: string, totpSecret?: string }> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
  const data = login.json().data
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`)
  if (data.tokens) return { accessToken: data.tokens.accessToken }
  if (!data.mfaEnrollmentRequired) throw new Error('this account already has a second factor: sign in with it')
  const start = await app.inject({ method: 'POST', url: '/api/auth/mfa/totp', payload: { ticket: data.ticket } })
  const { factorId, secret } = start.json().data
  const confirm = await app.inject({ method: 'POST', url: '/api/auth/mfa/totp/confirm', payload: { ticket: data.ticket, factorId, code: totpCode(secret, Date.now()) } })
  if (confirm.statusCode !== 200) throw new Error(`enrolment failed: ${confirm.statusCode} ${confirm.body}`)
  return { accessToken: confirm.json().data.tokens.accessToken, totpSecret: secret }
}
