import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

export interface DocsOptions {
  title: string
  version: string
  description: string
  /** Where the UI is served; the JSON document is at `${prefix}/json`. */
  routePrefix: string
}

/**
 * OpenAPI generated from the routes' TypeBox schemas, with a UI.
 * @see https://github.com/fastify/fastify-swagger
 */
async function docsPlugin (fastify: FastifyInstance, opts: DocsOptions) {
  await fastify.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: opts.title, version: opts.version, description: opts.description },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
  })
  // The UI needs scripts and styles the API's own strict policy forbids; it brings its own.
  await fastify.register(swaggerUi, { routePrefix: opts.routePrefix, staticCSP: true })
}

export default fp(docsPlugin, { name: '@rekam/docs', fastify: '5.x' })
