import type { StaticKey } from '@rekam/auth-verify'
import type { PublicJwk } from '@rekam/auth-verify'
import type { SigningAlgorithm } from '../lib/key-material.js'

export interface SigningKey {
  kid: string
  algorithm: SigningAlgorithm
  privateKeyPem: string
}

/** What signs now and what verifiers may trust, at one moment. */
export interface KeySet {
  current: SigningKey
  /** Published at /.well-known/jwks.json: the current key first, then staged and previous keys. */
  jwks: { keys: PublicJwk[] }
  /** The same public keys as PEM, for verifying our own tokens. */
  verifyKeys: StaticKey[]
}

export interface SigningKeys {
  /** Where the keys come from (documented in the README). */
  source: 'env' | 'file' | 'data-dir' | 'generated' | 'database'
  /** Secret for sealing refresh successors during the grace interval; stable across rotations. */
  sealKey: Buffer
  /** The key set in force (refreshed in the background when keys live in the database). */
  keys (): KeySet
  reload (): Promise<void>
}
