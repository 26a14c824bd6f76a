import type { FastifyReply } from 'fastify'

/** A record's entity tag: its version, strong and quoted (`"3"`), so If-Match names the version it was read at. */
export const etagOf = (version: number) => `"${version}"`

/** Sets the ETag of a response that carries one record. */
export function withETag<T extends { version: number }> (reply: FastifyReply, record: T): T {
  reply.header('etag', etagOf(record.version))
  return record
}
