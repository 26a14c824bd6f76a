import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'

export type SigningAlgorithm = 'RS256' | 'ES256' | 'EdDSA'

export function generatePrivateKeyPem (algorithm: SigningAlgorithm): string {
  const pair = algorithm === 'RS256'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : algorithm === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('ed25519')
  return pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
}

/** The algorithm a key can sign with, or an error naming what is wrong with it. */
export function algorithmOf (key: KeyObject): SigningAlgorithm {
  const details = key.asymmetricKeyDetails
  switch (key.asymmetricKeyType) {
    case 'rsa':
      if ((details?.modulusLength ?? 0) < 2048) throw new Error('RSA signing keys must have at least 2048 bits')
      return 'RS256'
    case 'ec':
      if (details?.namedCurve !== 'prime256v1') throw new Error('EC signing keys must use the P-256 curve (ES256)')
      return 'ES256'
    case 'ed25519':
      return 'EdDSA'
    default:
      throw new Error(`unsupported signing key type ${String(key.asymmetricKeyType)}`)
  }
}

/** PEM from an environment variable may arrive with literal "\n" sequences. */
export function normalisePem (pem: string): string {
  return pem.includes('\\n') ? pem.replaceAll('\\n', '\n') : pem
}

export function parsePrivateKey (pem: string, expected: SigningAlgorithm): KeyObject {
  let key: KeyObject
  try {
    key = createPrivateKey(normalisePem(pem))
  } catch {
    throw new Error('the JWT private key is not a readable PEM private key')
  }
  const actual = algorithmOf(key)
  if (actual !== expected) throw new Error(`the JWT private key is for ${actual} but JWT_ALGORITHM is ${expected}`)
  return key
}

/** Every PEM public key in a text (several may be concatenated in one file). */
export function parsePublicKeys (text: string): KeyObject[] {
  const blocks = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? []
  return blocks.map((block) => createPublicKey(block))
}
