import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { documentRoute } from './docs-transform.js'

export interface DocsOptions {
  title: string
  version: string
  description: string
  /** Where the UI is served; the JSON document is at `${prefix}/json`. */
  routePrefix: string
}

/** A CSP header without its upgrade-insecure-requests directive. */
export function withoutUpgradeInsecureRequests (header: string): string {
  return header.split(';').map((directive) => directive.trim()).filter((directive) => directive && directive !== 'upgrade-insecure-requests').join('; ')
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
    transform: documentRoute,
  })
  // The UI needs scripts and styles the API's own strict policy forbids; it brings its own,
  // minus upgrade-insecure-requests: everything the page loads is same-origin, so over HTTPS the
  // directive changes nothing, and over plain HTTP on any host but localhost it sends the page's
  // scripts to an https:// that is not there and the page stays blank.
  await fastify.register(swaggerUi, {
    routePrefix: opts.routePrefix,
    staticCSP: true,
    transformStaticCSP: (header) => withoutUpgradeInsecureRequests(header),
  })
}

export default fp(docsPlugin, { name: '@rekam/docs', fastify: '5.x' })
