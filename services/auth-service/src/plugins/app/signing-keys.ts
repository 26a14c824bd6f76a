import { hkdfSync, createPublicKey, type KeyObject } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { StaticKey } from '@rekam/auth-verify'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.js'
import { toPublicJwk, type PublicJwk } from '@rekam/auth-verify'
import { algorithmOf, generatePrivateKeyPem, parsePrivateKey, parsePublicKeys, type SigningAlgorithm } from '../../lib/key-material.js'

export interface SigningKeys {
  algorithm: SigningAlgorithm
  kid: string
  privateKeyPem: string
  /** Published at /.well-known/jwks.json: the current key first, then previous ones. */
  jwks: { keys: PublicJwk[] }
  /** The same keys as PEM, for verifying our own tokens. */
  verifyKeys: StaticKey[]
  /** Secret for sealing refresh successors during the grace interval; derived, never stored. */
  sealKey: Buffer
}

declare module 'fastify' {
  interface FastifyInstance {
    signingKeys: SigningKeys
  }
}

interface LoadedKey { pem: string, source: 'env' | 'file' | 'generated' | 'data-dir', path?: string }

function loadPrivateKeyPem (config: Config): LoadedKey {
  if (config.JWT_PRIVATE_KEY) return { pem: config.JWT_PRIVATE_KEY, source: 'env' }
  if (config.JWT_PRIVATE_KEY_FILE) {
    return { pem: readFileSync(config.JWT_PRIVATE_KEY_FILE, 'utf8'), source: 'file', path: config.JWT_PRIVATE_KEY_FILE }
  }
  if (config.DATA_DIR === 'memory://') return { pem: generatePrivateKeyPem(config.JWT_ALGORITHM), source: 'generated' }
  const dir = join(config.DATA_DIR, 'keys')
  const path = join(dir, `jwt-${config.JWT_ALGORITHM.toLowerCase()}-private.pem`)
  if (existsSync(path)) return { pem: readFileSync(path, 'utf8'), source: 'data-dir', path }
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const pem = generatePrivateKeyPem(config.JWT_ALGORITHM)
  writeFileSync(path, pem, { mode: 0o600 })
  return { pem, source: 'generated', path }
}

function publicEntry (publicKey: KeyObject, algorithm: SigningAlgorithm) {
  const jwk = toPublicJwk(publicKey, algorithm)
  return { jwk, verifyKey: { kid: jwk.kid, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() } }
}

export function loadSigningKeys (config: Config, warn: (msg: string) => void): SigningKeys {
  const loaded = loadPrivateKeyPem(config)
  if (loaded.source === 'generated' || loaded.source === 'data-dir') {
    warn(`Using a development signing key${loaded.path ? ` kept in ${loaded.path}` : ''}; set JWT_PRIVATE_KEY_FILE in production`)
  }
  const privateKey = parsePrivateKey(loaded.pem, config.JWT_ALGORITHM)
  const current = publicEntry(createPublicKey(privateKey), config.JWT_ALGORITHM)

  const previous = config.JWT_PREVIOUS_PUBLIC_KEYS_FILE
    ? parsePublicKeys(readFileSync(config.JWT_PREVIOUS_PUBLIC_KEYS_FILE, 'utf8')).map((key) => publicEntry(key, algorithmOf(key)))
    : []
  const all = [current, ...previous.filter((p) => p.jwk.kid !== current.jwk.kid)]

  return {
    algorithm: config.JWT_ALGORITHM,
    kid: current.jwk.kid,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    jwks: { keys: all.map((k) => k.jwk) },
    verifyKeys: all.map((k) => k.verifyKey),
    sealKey: Buffer.from(hkdfSync('sha256', privateKey.export({ type: 'pkcs8', format: 'der' }), 'rekam', 'refresh-successor-seal', 32)),
  }
}

/** Loads the signing key once at start (never per request) and derives what depends on it. */
async function signingKeysPlugin (fastify: FastifyInstance) {
  fastify.decorate('signingKeys', loadSigningKeys(fastify.config, (msg) => fastify.log.warn(msg)))
}

export default fp(signingKeysPlugin, { name: 'signing-keys', dependencies: ['@fastify/env'] })
