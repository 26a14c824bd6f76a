import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'

/** onRequest hook: answers that carry tokens or medical data are never stored by caches. */
export function noStore (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
  reply.header('cache-control', 'no-store')
  done()
}
