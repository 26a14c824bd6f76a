import { createPublicKey, hkdfSync } from 'node:crypto'
import { toPublicJwk } from '@rekam/auth-verify'
import { and, isNull, lte, sql } from 'drizzle-orm'
import { signingKeys, type SigningKeyRow } from '../db/schema.js'
import { generatePrivateKeyPem, type SigningAlgorithm } from '../lib/key-material.js'
import { seal, unseal } from '@rekam/server-kit'
import type { AuthDb } from '../plugins/app/db.js'
import type { KeySet, SigningKeys } from './signing-keys.js'

/** Any fixed number works; it only has to be the same in every instance of auth-service. */
const FIRST_KEY_LOCK_ID = 727_367

/** Clock skew verifiers allow on `exp`, plus a margin: how long a superseded key stays published. */
const RETIREMENT_MARGIN_MS = 60_000

export interface DatabaseKeyOptions {
  algorithm: SigningAlgorithm
  /** KEY_ENCRYPTION_KEY */
  secret: string
  accessTokenTtlSeconds: number
}

const derive = (secret: string, purpose: string) => Buffer.from(hkdfSync('sha256', secret, 'rekam', purpose, 32))

/**
 * The timeline of keys: each signs from its activation until the next key activates, and stays
 * published until every token it signed has expired; then it is retired.
 */
export function keyTimeline (rows: SigningKeyRow[], now: number, accessTokenTtlSeconds: number) {
  const live = rows.filter((row) => !row.retiredAt).sort((a, b) => a.activatesAt.getTime() - b.activatesAt.getTime())
  const active = live.filter((row) => row.activatesAt.getTime() <= now)
  const current = active.at(-1)
  const retiring = active.slice(0, -1).filter((_row, index) => {
    const supersededAt = active[index + 1]!.activatesAt.getTime()
    return supersededAt + accessTokenTtlSeconds * 1000 + RETIREMENT_MARGIN_MS <= now
  })
  const published = live.filter((row) => !retiring.includes(row))
  return { current, staged: live.filter((row) => row.activatesAt.getTime() > now), published, retiring }
}

function newKeyRow (algorithm: SigningAlgorithm, kek: Buffer, activatesAt: Date) {
  const privateKeyPem = generatePrivateKeyPem(algorithm)
  const publicKey = createPublicKey(privateKeyPem)
  return {
    kid: toPublicJwk(publicKey, algorithm).kid,
    algorithm,
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeySealed: seal(kek, privateKeyPem),
    activatesAt,
  }
}

/** Stages a new signing key: published now, signing after `delaySeconds`; retires expired ones. */
export async function rotateSigningKey (db: AuthDb, opts: DatabaseKeyOptions & { delaySeconds: number }) {
  const kek = derive(opts.secret, 'signing-key-encryption')
  return db.transaction(async (tx) => {
    const row = newKeyRow(opts.algorithm, kek, new Date(Date.now() + opts.delaySeconds * 1000))
    await tx.insert(signingKeys).values(row)
    const rows = await tx.select().from(signingKeys).where(isNull(signingKeys.retiredAt))
    const { retiring } = keyTimeline(rows, Date.now(), opts.accessTokenTtlSeconds)
    for (const old of retiring) {
      await tx.update(signingKeys).set({ retiredAt: new Date() }).where(sql`${signingKeys.kid} = ${old.kid}`)
    }
    return { kid: row.kid, activatesAt: row.activatesAt, retired: retiring.map((old) => old.kid) }
  })
}

export function createDatabaseSigningKeys (db: AuthDb, opts: DatabaseKeyOptions): SigningKeys & { init (): Promise<void> } {
  const kek = derive(opts.secret, 'signing-key-encryption')
  const pemByKid = new Map<string, string>()
  let snapshot: KeySet | undefined

  function privatePem (row: SigningKeyRow): string {
    let pem = pemByKid.get(row.kid)
    if (!pem) {
      pem = unseal<string>(kek, row.privateKeySealed)
      if (!pem) throw new Error(`signing key ${row.kid} cannot be decrypted: KEY_ENCRYPTION_KEY differs from the one that sealed it`)
      pemByKid.set(row.kid, pem)
    }
    return pem
  }

  async function reload () {
    const rows = await db.select().from(signingKeys).where(isNull(signingKeys.retiredAt))
    const { current, published } = keyTimeline(rows, Date.now(), opts.accessTokenTtlSeconds)
    if (!current) throw new Error('no active signing key in the database')
    const ordered = [current, ...published.filter((row) => row !== current).reverse()]
    snapshot = {
      current: { kid: current.kid, algorithm: current.algorithm as SigningAlgorithm, privateKeyPem: privatePem(current) },
      jwks: { keys: ordered.map((row) => toPublicJwk(createPublicKey(row.publicKey), row.algorithm)) },
      verifyKeys: ordered.map((row) => ({ kid: row.kid, publicKey: row.publicKey })),
    }
  }

  return {
    source: 'database',
    sealKey: derive(opts.secret, 'refresh-successor-seal'),
    keys () {
      if (!snapshot) throw new Error('signing keys are not loaded yet')
      return snapshot
    },
    reload,
    /** The first start creates the first key (one instance does, the others wait and find it). */
    async init () {
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_KEY_LOCK_ID})`)
        // Compared with this process's clock once the lock is held, as keys are dated and read
        // (keyTimeline): PostgreSQL's now() is when this transaction began, which for an
        // instance that waited on the lock is before the key the other one just made.
        const [usable] = await tx.select({ kid: signingKeys.kid }).from(signingKeys)
          .where(and(isNull(signingKeys.retiredAt), lte(signingKeys.activatesAt, new Date()))).limit(1)
        if (!usable) await tx.insert(signingKeys).values(newKeyRow(opts.algorithm, kek, new Date()))
      })
      await reload()
    },
  }
}
