import type { FastifyRequest } from 'fastify'

/** Where a request came from, as sessions and security events record it. */
export interface ClientMeta {
  userAgent: string | null
  ip: string | null
  requestId: string
}

export function clientMeta (request: FastifyRequest): ClientMeta {
  return {
    userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
    ip: request.ip ?? null,
    requestId: String(request.id),
  }
}
