import { preconditionFailed } from '@rekam/errors'
import { Type } from '@rekam/schemas'
import type { FastifyReply } from 'fastify'

/** A record's entity tag: its version, strong and quoted (`"3"`), so If-Match names the version it was read at. */
export const etagOf = (version: number) => `"${version}"`

/** Sets the ETag of a response that carries one record. */
export function withETag<T extends { version: number }> (reply: FastifyReply, record: T): T {
  reply.header('etag', etagOf(record.version))
  return record
}

/** The ETag a response with one record carries, for the document (@fastify/swagger reads a response's `headers`). */
export const ETagHeaderSchema = {
  headers: { etag: Type.String({ description: 'The record\'s version, quoted ("3"): send it back as If-Match to change the record only if nobody changed it since' }) },
}

/** The request headers of a record change: If-Match is checked by the service (a malformed one is a 412, not a 400). */
export const IfMatchHeadersSchema = Type.Object({
  'if-match': Type.Optional(Type.String({
    description: 'The version the change is based on, as its ETag ("3"), or * for any: anything else answers 412 PRECONDITION_FAILED with the current version, and nothing is written. Weak tags (W/"3") never match (strong comparison, RFC 9110 section 13.1.1)',
  })),
})

/** What an If-Match header asks: nothing (absent), any current version (`*`), or one of these versions. */
export type IfMatch = undefined | '*' | number[]

const ENTITY_TAG = /^(W\/)?"([\x21\x23-\x7E]*)"$/
const VERSION = /^[1-9]\d{0,9}$/

/**
 * Reads an If-Match header (RFC 9110 section 13.1.1): `*`, or a comma-separated list of entity
 * tags of which only strong ones naming a version can match. A malformed header matches nothing
 * (an empty list), so the change is refused rather than done unconditionally.
 */
export function parseIfMatch (header: string | undefined): IfMatch {
  if (header === undefined) return undefined
  const value = header.trim()
  if (value === '*') return '*'
  const versions: number[] = []
  for (const part of value.split(',')) {
    const tag = ENTITY_TAG.exec(part.trim())
    if (!tag) return []
    if (!tag[1] && VERSION.test(tag[2]!)) versions.push(Number(tag[2]))
  }
  return versions
}

/** 412 PRECONDITION_FAILED (naming the current version) unless If-Match admits `current`. */
export function assertIfMatch (ifMatch: IfMatch, current: number): void {
  if (ifMatch === undefined || ifMatch === '*') return
  if (!ifMatch.includes(current)) throw preconditionFailed(current)
}
