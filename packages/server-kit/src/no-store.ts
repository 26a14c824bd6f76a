import type { FastifyReply, FastifyRequest } from 'fastify'

/** onRequest hook: answers that carry tokens or medical data are never stored by caches. */
export async function noStore (_request: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', 'no-store')
}
