import { createPublicKey, hkdfSync, type KeyObject } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { toPublicJwk } from '@rekam/auth-verify'
import { StartupError } from '@rekam/errors'
import type { Config } from '../config.js'
import { algorithmOf, generatePrivateKeyPem, parsePrivateKey, parsePublicKeys, type SigningAlgorithm } from '../lib/key-material.js'
import type { KeySet, SigningKeys } from './signing-keys.js'

interface LoadedKey { pem: string, source: 'env' | 'file' | 'generated' | 'data-dir', path?: string }

/** A key file that is missing or unreadable is the operator's to fix: one line naming the variable. */
function readKeyFile (path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'unreadable'
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied for this user' : code
    throw new StartupError(`cannot read the signing key JWT_PRIVATE_KEY_FILE=${path} (${reason})`)
  }
}

function loadPrivateKeyPem (config: Config): LoadedKey {
  if (config.JWT_PRIVATE_KEY) return { pem: config.JWT_PRIVATE_KEY, source: 'env' }
  if (config.JWT_PRIVATE_KEY_FILE) {
    return { pem: readKeyFile(config.JWT_PRIVATE_KEY_FILE), source: 'file', path: config.JWT_PRIVATE_KEY_FILE }
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

/**
 * One signing key from the environment, a file, or (development) the data folder, plus any
 * previous public keys still to be published. Rotating means restarting with a new key and the
 * old public key in JWT_PREVIOUS_PUBLIC_KEYS_FILE.
 */
export function loadStaticSigningKeys (config: Config, warn: (msg: string) => void): SigningKeys {
  const loaded = loadPrivateKeyPem(config)
  if (loaded.source === 'generated' || loaded.source === 'data-dir') {
    warn(`Using a development signing key${loaded.path ? ` kept in ${loaded.path}` : ''}; configure a key in production`)
  }
  const privateKey = parsePrivateKey(loaded.pem, config.JWT_ALGORITHM)
  const current = publicEntry(createPublicKey(privateKey), config.JWT_ALGORITHM)
  const previous = config.JWT_PREVIOUS_PUBLIC_KEYS_FILE
    ? parsePublicKeys(readFileSync(config.JWT_PREVIOUS_PUBLIC_KEYS_FILE, 'utf8')).map((key) => publicEntry(key, algorithmOf(key)))
    : []
  const all = [current, ...previous.filter((p) => p.jwk.kid !== current.jwk.kid)]
  const keySet: KeySet = {
    current: { kid: current.jwk.kid, algorithm: config.JWT_ALGORITHM, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
    jwks: { keys: all.map((k) => k.jwk) },
    verifyKeys: all.map((k) => k.verifyKey),
  }
  return {
    source: loaded.source,
    sealKey: Buffer.from(hkdfSync('sha256', privateKey.export({ type: 'pkcs8', format: 'der' }), 'rekam', 'refresh-successor-seal', 32)),
    keys: () => keySet,
    reload: async () => {},
  }
}
