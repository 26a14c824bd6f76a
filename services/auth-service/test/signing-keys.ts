import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rsaTestKeyPair, type Teardown } from '@rekam/testing'
import { calculateJwkThumbprint, createRemoteJWKSet, exportJWK } from 'jose'
import type { AuthApp } from '../src/app.js'

/** The signing algorithms the service supports. */
export type Alg = 'RS256' | 'ES256' | 'EdDSA'

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
/** The JWK key type each algorithm publishes. */
export const KTY: Record<Alg, string> = { RS256: 'RSA', ES256: 'EC', EdDSA: 'OKP' }

/** A key pair of its own for an algorithm (RS256: a test key, `rsaTestKeyPair`), or for one of the key shapes the service must refuse. */
export function keyPair (alg: Alg | 'RSA-1024' | 'P-384') {
  switch (alg) {
    case 'RS256': return rsaTestKeyPair()
    case 'RSA-1024': return generateKeyPairSync('rsa', { modulusLength: 1024 })
    case 'ES256': return generateKeyPairSync('ec', { namedCurve: 'P-256' })
    case 'P-384': return generateKeyPairSync('ec', { namedCurve: 'P-384' })
    case 'EdDSA': return generateKeyPairSync('ed25519')
  }
}
export const privatePem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString()
export const publicPem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString()
/** The RFC 7638 thumbprint of a public key: the kid the service gives it. */
export const thumbprint = async (publicKey: KeyObject) => calculateJwkThumbprint(await exportJWK(publicKey))

/** A temporary directory, removed when the test ends. */
export async function tempDir (t: Teardown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rekam-keys-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/** Serves the app on a real port and returns a jose key set reading its JWKS over HTTP. */
export async function remoteJwks (app: AuthApp) {
  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  const url = new URL('/.well-known/jwks.json', address)
  return { url, jwks: createRemoteJWKSet(url) }
}

/** The jwtVerify options every access token of the service satisfies. */
export const verifyOptions = (alg: Alg) => ({ issuer: 'rekam-auth', audience: 'rekam', typ: 'at+jwt', algorithms: [alg] })
