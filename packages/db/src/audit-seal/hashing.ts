import { createHash, createHmac } from 'node:crypto'
import canonicalize from 'canonicalize'

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest()

/** Hex SHA-256 of the RFC 8785 canonical JSON of a value. */
export function canonicalHash (value: Record<string, unknown>): string {
  const text = canonicalize(value)
  if (text === undefined) throw new Error('value has no canonical JSON form')
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

const LEAF = Buffer.from([0])
const NODE = Buffer.from([1])

/** The largest power of two smaller than n (n > 1), RFC 6962's split point. */
function splitPoint (n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

function treeHash (leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return sha256(LEAF, leaves[0] as Buffer)
  const k = splitPoint(leaves.length)
  return sha256(NODE, treeHash(leaves.slice(0, k)), treeHash(leaves.slice(k)))
}

/**
 * Hex Merkle root over hex leaf hashes in the given order, shaped as RFC 6962's Merkle Tree Hash
 * (leaves and nodes prefixed 0 and 1, so a node can never pass for a leaf). Empty: SHA-256 of "".
 */
export function merkleRoot (leafHashes: string[]): string {
  if (leafHashes.length === 0) return sha256().toString('hex')
  return treeHash(leafHashes.map((hex) => Buffer.from(hex, 'hex'))).toString('hex')
}

/** The fields of a seal its hash covers. */
export interface SealFields {
  trail: string
  seq: number
  rowCount: number
  merkleRoot: string
  previousSealHash: string | null
  createdAt: Date
}

export function sealHash (seal: SealFields): string {
  return canonicalHash({
    trail: seal.trail,
    seq: seal.seq,
    rowCount: seal.rowCount,
    merkleRoot: seal.merkleRoot,
    previousSealHash: seal.previousSealHash,
    createdAt: seal.createdAt.toISOString(),
  })
}

export const sealMac = (key: Buffer, hash: string) => createHmac('sha256', key).update(hash, 'utf8').digest('hex')
