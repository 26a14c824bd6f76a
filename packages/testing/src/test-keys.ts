import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * RSA 2048 signing keys for tests. Making one costs about a fifth of a CPU-second (up to half on
 * a 2-core VM), and a test run needs a few hundred: every auth-service a test starts, and many
 * tests, need a key of their own. The keys are made once per machine and kept in the user's cache
 * folder (XDG_CACHE_HOME, else ~/.cache, under `rekam/test-keys/`), and handed out in order: within
 * one process every call returns a different key (two stacks of one test never share one), while
 * processes reuse the same files. Without a writable cache folder each key is made fresh.
 *
 * Test keys only: nothing here is fit for a deployment.
 */
let handedOut = 0

/** auth-service's settings that choose its signing key; without them it keeps a development key in DATA_DIR. */
export const SIGNING_KEY_SETTINGS = ['JWT_ALGORITHM', 'JWT_PRIVATE_KEY', 'JWT_PRIVATE_KEY_FILE', 'KEY_ENCRYPTION_KEY']

function cacheDir (): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'rekam', 'test-keys')
}

function readKey (file: string): string | undefined {
  try {
    const pem = readFileSync(file, 'utf8')
    const key = createPrivateKey(pem)
    return key.asymmetricKeyType === 'rsa' && key.asymmetricKeyDetails?.modulusLength === 2048 ? pem : undefined
  } catch {
    return undefined
  }
}

/** The next RSA 2048 private key of this process, as PKCS #8 PEM. */
export function rsaTestKeyPem (): string {
  const dir = cacheDir()
  const file = join(dir, `rsa-2048-${handedOut++}.pem`)
  const cached = readKey(file)
  if (cached) return cached
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    // Written whole under another name first: a process reading the file never sees half a key.
    const partial = `${file}.${process.pid}.partial`
    writeFileSync(partial, pem, { mode: 0o600 })
    renameSync(partial, file)
  } catch {}
  return pem
}

/** The next RSA 2048 key pair of this process (`rsaTestKeyPem`). */
export function rsaTestKeyPair (): { privateKey: KeyObject, publicKey: KeyObject } {
  const privateKey = createPrivateKey(rsaTestKeyPem())
  return { privateKey, publicKey: createPublicKey(privateKey) }
}
