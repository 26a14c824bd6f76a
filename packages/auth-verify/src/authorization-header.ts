import { badRequest } from '@rekam/errors'
import type { FastifyRequest } from 'fastify'

/**
 * The request's Authorization header, refusing a request that carries more than one. Node keeps
 * only the first in `request.headers` and drops the others silently, so a proxy or cache that
 * reads the last one would see another caller than this service does; RFC 6750 calls such a
 * request malformed (400). `rawHeaders` is scanned rather than `headersDistinct`, which builds
 * an object of every header on each read.
 */
export function authorizationHeader (request: FastifyRequest): string | undefined {
  const raw = request.raw.rawHeaders
  let seen = 0
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!
    if (name.length === 13 && name.toLowerCase() === 'authorization') seen++
  }
  if (seen > 1) throw badRequest('The request carries more than one Authorization header')
  return request.headers.authorization
}
