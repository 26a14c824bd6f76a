import { Ajv, type Options } from 'ajv'
import addFormats from 'ajv-formats'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

const common: Options = {
  // Unknown properties are errors (schemas say additionalProperties: false), never silently dropped.
  removeAdditional: false,
  useDefaults: true,
  // Stop at the first error: cheaper on hostile input, and one clear message is enough.
  allErrors: false,
  strict: false,
}

function createAjv (options: Options): Ajv {
  const ajv = new Ajv({ ...common, ...options })
  addFormats.default(ajv)
  return ajv
}

/**
 * JSON bodies are validated exactly as sent: `{"password": 123}` is a 400, not "123".
 * Query strings, params and headers arrive as text, so there numbers and booleans coerce.
 */
async function validationPlugin (fastify: FastifyInstance) {
  const strict = createAjv({ coerceTypes: false })
  const coercing = createAjv({ coerceTypes: 'array' })
  fastify.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema))
  // Bodies are JSON only (415 otherwise): Fastify's built-in text/plain parser would hand the
  // schema a string and answer a misleading 400 VALIDATION_ERROR.
  fastify.removeContentTypeParser('text/plain')
}

export default fp(validationPlugin, { name: '@rekam/validation', fastify: '5.x' })
