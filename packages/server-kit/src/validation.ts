import { badRequest } from '@rekam/errors'
import { Ajv, type Options, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import addKeywords from 'ajv-keywords'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { CompiledSchemas } from './compiled-schemas.js'

const common: Options = {
  // Unknown properties are errors (schemas say additionalProperties: false), never silently dropped.
  removeAdditional: false,
  useDefaults: true,
  // Stop at the first error: cheaper on hostile input, and one clear message is enough.
  allErrors: false,
  strict: false,
}

/**
 * PostgreSQL has no year 0 (RFC 3339 does), and a timestamp's UTC instant must stay within years
 * 1 to 9999 to be sent as ISO text: outside them the value is refused here, not by the database.
 */
function storableDate (name: 'date' | 'date-time') {
  const format = addFormats.default.get(name) as { validate: (value: string) => boolean }
  return {
    type: 'string' as const,
    validate: (value: string) => {
      if (!format.validate(value)) return false
      const year = new Date(name === 'date' ? `${value}T00:00:00Z` : value).getUTCFullYear()
      return year >= 1 && year <= 9999
    },
  }
}

function createAjv (options: Options): Ajv {
  const ajv = new Ajv({ ...common, ...options })
  addFormats.default(ajv)
  ajv.addFormat('date', storableDate('date'))
  ajv.addFormat('date-time', storableDate('date-time'))
  // `transform` canonicalizes values before any code compares them (uuids in lower case).
  addKeywords.default(ajv, ['transform'])
  return ajv
}

/** One pair of ajv instances per process, with what they compiled (compiled-schemas.ts). */
const bodies = { ajv: createAjv({ coerceTypes: false }), validators: new CompiledSchemas<ReturnType<typeof refusingNul>>() }
const texts = { ajv: createAjv({ coerceTypes: 'array' }), validators: new CompiledSchemas<ReturnType<typeof refusingNul>>() }

/** Where the first string holding a NUL character is (a JSON pointer), if any. */
function nulAt (value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined
  if (value === null || typeof value !== 'object') return undefined
  for (const [key, item] of Object.entries(value)) {
    const found = nulAt(item, `${path}/${key}`)
    if (found !== undefined) return found
  }
  return undefined
}

/** PostgreSQL text cannot hold NUL: a string with one is a validation error, not a failed query. */
function refusingNul (validate: ValidateFunction) {
  function check (data: unknown): boolean {
    const path = validate(data) ? nulAt(data) : undefined
    check.errors = path === undefined
      ? validate.errors
      : [{ keyword: 'nul', instancePath: path, schemaPath: '#', params: {}, message: 'must not contain a NUL character' }]
    return !check.errors
  }
  check.errors = null as ValidateFunction['errors']
  return check
}

function isJson (text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * JSON bodies are validated exactly as sent: `{"password": 123}` is a 400, not "123".
 * Query strings, params and headers arrive as text, so there numbers and booleans coerce.
 */
async function validationPlugin (fastify: FastifyInstance) {
  fastify.setValidatorCompiler(({ schema, httpPart }) => {
    const part = httpPart === 'body' ? bodies : texts
    return part.validators.get(JSON.stringify(schema), () => refusingNul(part.ajv.compile(schema)))
  })
  // Bodies are JSON only (415 otherwise): Fastify's built-in text/plain parser would hand the
  // schema a string and answer a misleading 400 VALIDATION_ERROR.
  fastify.removeContentTypeParser('text/plain')

  // JSON is UTF-8 (RFC 8259): invalid bytes are a 400, not silently replaced by U+FFFD and stored.
  // `__proto__` and `constructor.prototype` keys are a 400 too, never stripped or merged.
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  const parseJson = fastify.getDefaultJsonParser('error', 'error')
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string
    try {
      text = utf8.decode(body as Buffer)
    } catch {
      done(badRequest('The request body is not valid UTF-8'), undefined)
      return
    }
    parseJson(request, text, (error, parsed) => {
      if (!error || (error as { code?: string }).code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return done(error, parsed)
      done(badRequest(isJson(text)
        ? 'The request body has a forbidden key (__proto__ or constructor.prototype)'
        : 'The request body is not valid JSON'), undefined)
    })
  })
}

export default fp(validationPlugin, { name: '@rekam/validation', fastify: '5.x' })
