import type { FastifyInstance } from 'fastify'

/**
 * The requests of this scope are logged at debug instead of info: endpoints that other services
 * poll (the revocation feed, once a second per instance) would otherwise fill the log with two
 * lines per poll. Warnings and errors keep their level.
 */
export function logRequestsAtDebug (fastify: FastifyInstance): void {
  fastify.setChildLoggerFactory((logger, bindings, options) => {
    const child = logger.child(bindings, options)
    child.info = child.debug.bind(child)
    return child
  })
}
