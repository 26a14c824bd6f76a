import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'

/**
 * Answers that carry tokens or medical data are never stored by caches. `Pragma: no-cache` is
 * for HTTP/1.0 caches that ignore Cache-Control (RFC 6749 5.1 asks it of token answers).
 */
export const NO_STORE_HEADERS = { 'cache-control': 'no-store', pragma: 'no-cache' } as const

/** onRequest hook: the NO_STORE_HEADERS on every answer of the scope, errors included. */
export function noStore (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
  reply.headers(NO_STORE_HEADERS)
  done()
}
