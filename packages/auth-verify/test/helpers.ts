import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import { SignJWT, type JWTPayload } from 'jose'
import type { Test } from 'tap'
import { errorsPlugin } from '@rekam/errors'
import { authVerifyPlugin, type AuthVerifyOptions } from '../src/index.js'

export const ISSUER = 'rekam-auth'
export const AUDIENCE = 'rekam'

export interface TestKey {
  kid: string
  alg: 'RS256' | 'ES256' | 'EdDSA'
  privateKey: KeyObject
  publicPem: string
  /** The public key as an issuer would list it in its JWKS. */
  jwk: Record<string, string>
}

export function makeKey (alg: TestKey['alg'], kid: string): TestKey {
  const pair = alg === 'RS256'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('ed25519')
  return {
    kid,
    alg,
    privateKey: pair.privateKey,
    publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    jwk: { ...(pair.publicKey.export({ format: 'jwk' }) as Record<string, string>), kid, alg, use: 'sig' },
  }
}

export const now = () => Math.floor(Date.now() / 1000)

export function claims (overrides: Record<string, unknown> = {}, omit: string[] = []): Record<string, unknown> {
  const iat = now()
  const out: Record<string, unknown> = {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: randomUUID(),
    role: 'PATIENT',
    username: 'alice',
    sid: randomUUID(),
    jti: randomUUID(),
    iat,
    exp: iat + 900,
    amr: ['pwd'],
    acr: 'urn:rekam:aal1',
    auth_time: iat,
    ...overrides,
  }
  for (const name of omit) delete out[name]
  return out
}

export interface SignOptions {
  key: TestKey
  /** `null` leaves `kid` out of the header. */
  kid?: string | null
  typ?: string
  payload?: Record<string, unknown>
}

export async function sign (opts: SignOptions): Promise<string> {
  const kid = opts.kid === null ? {} : { kid: opts.kid ?? opts.key.kid }
  return new SignJWT((opts.payload ?? claims()) as JWTPayload)
    .setProtectedHeader({ alg: opts.key.alg, typ: opts.typ ?? 'at+jwt', ...kid })
    .sign(opts.key.privateKey)
}

/** A bare app: our error envelope, the plugin, and two guarded routes. */
export async function buildApp (tap: Test, options: Omit<AuthVerifyOptions, 'issuer' | 'audience'>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  tap.teardown(() => app.close())
  await app.register(errorsPlugin)
  await app.register(authVerifyPlugin, { issuer: ISSUER, audience: AUDIENCE, ...options })
  app.get('/me', { onRequest: app.authenticate }, async (request) => request.user)
  app.get('/admin', { onRequest: app.authenticate, preHandler: app.authorize('ADMIN') }, async (request) => ({ role: request.user.role }))
  await app.ready()
  return app
}

export function get (app: FastifyInstance, authorization?: string, url = '/me') {
  return app.inject({ method: 'GET', url, headers: authorization === undefined ? {} : { authorization } })
}

/** Every refusal is a 401 envelope with our code and our words, never a 500 or library text. */
export async function assertRefused (tap: Test, app: FastifyInstance, authorization: string | undefined, code: string, label = `status for ${code}`) {
  const res = await get(app, authorization)
  tap.equal(res.statusCode, 401, label)
  const body = res.json()
  tap.match(body, { success: false, error: { code, message: String, requestId: String } })
  tap.equal(body.error.code, code)
  tap.notMatch(body.error.message, /fast-?jwt|FST_JWT|get-?jwks|JWK_NOT_FOUND/i, 'no library text in the message')
}
