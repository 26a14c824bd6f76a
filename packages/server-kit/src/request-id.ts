import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

/** Echo the request id so clients and the gateway can quote it in bug reports. */
async function requestIdPlugin (fastify: FastifyInstance) {
  // A callback hook, not an async one: it runs on every request and has nothing to wait for.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })
}

export default fp(requestIdPlugin, { name: '@rekam/request-id', fastify: '5.x' })
