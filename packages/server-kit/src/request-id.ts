import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

/** Echo the request id so clients and the gateway can quote it in bug reports. */
async function requestIdPlugin (fastify: FastifyInstance) {
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
}

export default fp(requestIdPlugin, { name: '@rekam/request-id', fastify: '5.x' })
