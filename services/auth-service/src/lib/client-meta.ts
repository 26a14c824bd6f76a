import type { FastifyRequest } from 'fastify'
import type { ClientMeta } from '../services/session-manager.js'

export function clientMeta (request: FastifyRequest): ClientMeta {
  return { userAgent: request.headers['user-agent'] ?? null, ip: request.ip ?? null }
}
