import { createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { toPublicJwk, type PublicJwk } from '@rekam/auth-verify'
import { RECORD_SIGNATURE_TYPE } from '@rekam/record-signature'
import { StartupError } from '@rekam/errors'
import { seal, unseal } from '@rekam/server-kit'
import { and, asc, desc, isNull, ne, sql } from 'drizzle-orm'
import { CompactSign } from 'jose'
import { recordSigningKeys } from '../db/schema.js'
import type { RecordsDb } from '../plugins/app/db.js'

/** Any fixed number: the same in every instance, so two starting at once create one key. */
const FIRST_KEY_LOCK_ID = 727_368
const ALGORITHM = 'ES256'
/** A key from RECORD_SIGNING_KEY_FILE is only published from the table: its private key stays in the file. */
const KEPT_IN_FILE = ''

export interface RecordSigningKeys {
  /** Where the signing key comes from (the README's "Signed records"). */
  source: 'database' | 'file'
  /** The key id (RFC 7638 thumbprint) new signatures name. */
  kid: string
  /** The detached compact JWS (`<header>..<signature>`, RFC 7515 appendix F) of a canonical payload. */
  sign (payload: string): Promise<string>
  /** Every key ever used to sign records, retired ones too: old signatures stay verifiable. */
  jwks (): Promise<{ keys: PublicJwk[] }>
}

export interface RecordSigningKeyOptions {
  /** PATIENT_DATA_KEY (or its development value): the private key is sealed under a key derived from it. */
  secret: string
  /** RECORD_SIGNING_KEY_FILE: a PEM PKCS#8 P-256 private key, used instead of the stored one. */
  keyFile?: string | undefined
}

function readKeyFile (path: string): KeyObject {
  let pem: string
  try {
    pem = readFileSync(path, 'utf8')
  } catch (err) {
    throw new StartupError(`cannot read the record signing key RECORD_SIGNING_KEY_FILE=${path} (${(err as { code?: string }).code ?? 'unreadable'})`)
  }
  let key: KeyObject
  try {
    key = createPrivateKey(pem)
  } catch {
    throw new StartupError(`RECORD_SIGNING_KEY_FILE=${path} holds no PEM private key`)
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new StartupError(`RECORD_SIGNING_KEY_FILE=${path} must be a P-256 (ES256) private key`)
  }
  return key
}

const rowOf = (privateKey: KeyObject, privateKeySealed: string) => {
  const publicJwk = toPublicJwk(createPublicKey(privateKey), ALGORITHM)
  return { kid: publicJwk.kid, algorithm: ALGORITHM, publicJwk: { ...publicJwk }, privateKeySealed }
}

/**
 * The key records are signed with, loaded once at start: the key file's, or the newest stored
 * key, created sealed on the first start (under an advisory lock, so instances starting together
 * agree on one). The key in use is always in `record_signing_keys`, so the JWKS publishes it.
 */
export async function loadRecordSigningKeys (db: RecordsDb, options: RecordSigningKeyOptions): Promise<RecordSigningKeys> {
  const sealKey = Buffer.from(hkdfSync('sha256', options.secret, 'rekam', 'rekam record signing', 32))
  const fileKey = options.keyFile ? readKeyFile(options.keyFile) : undefined
  const privateKey = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_KEY_LOCK_ID})`)
    if (fileKey) {
      await tx.insert(recordSigningKeys).values(rowOf(fileKey, KEPT_IN_FILE)).onConflictDoNothing()
      return fileKey
    }
    const [stored] = await tx.select().from(recordSigningKeys)
      .where(and(isNull(recordSigningKeys.retiredAt), ne(recordSigningKeys.privateKeySealed, KEPT_IN_FILE)))
      .orderBy(desc(recordSigningKeys.createdAt)).limit(1)
    if (stored) {
      const pem = unseal<string>(sealKey, stored.privateKeySealed)
      if (!pem) throw new StartupError(`record signing key ${stored.kid} cannot be opened: PATIENT_DATA_KEY differs from the one that sealed it`)
      return createPrivateKey(pem)
    }
    const { privateKey: created } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    await tx.insert(recordSigningKeys).values(rowOf(created, seal(sealKey, created.export({ type: 'pkcs8', format: 'pem' }))))
    return created
  })
  const { kid } = toPublicJwk(createPublicKey(privateKey), ALGORITHM)
  return {
    source: fileKey ? 'file' : 'database',
    kid,
    async sign (payload) {
      const jws = await new CompactSign(new TextEncoder().encode(payload))
        .setProtectedHeader({ alg: ALGORITHM, kid, typ: RECORD_SIGNATURE_TYPE }).sign(privateKey)
      const [header, , signature] = jws.split('.')
      return `${header}..${signature}`
    },
    async jwks () {
      const rows = await db.select({ publicJwk: recordSigningKeys.publicJwk }).from(recordSigningKeys).orderBy(asc(recordSigningKeys.createdAt))
      return { keys: rows.map((row) => row.publicJwk as unknown as PublicJwk) }
    },
  }
}
