import { errorExample, errorResponse } from '@rekam/errors'
import type { FastifySchema, RouteOptions } from 'fastify'

type JsonSchema = Record<string, unknown>

/** What a success answers, for statuses whose route gives no description of its own. */
const SUCCESS_DESCRIPTIONS: Record<string, string> = {
  200: 'Done: the envelope { success: true, data, message? }',
  201: 'Created: the envelope { success: true, data, message? } holds what was created',
  202: 'Accepted: the envelope { success: true, data, message? }; what was asked for happens later (a mail goes out after the answer, a mailed link is opened, a delay passes)',
  204: 'Done, no body',
}

/**
 * A query parameter with a default may be left out (`page`, `limit`): the validator fills it
 * in, so the document must not call it required even though the handler's type does.
 */
function optionalDefaults (query: JsonSchema): JsonSchema {
  const properties = (query.properties ?? {}) as Record<string, JsonSchema>
  if (!Array.isArray(query.required)) return query
  return { ...query, required: query.required.filter((name: string) => properties[name]?.default === undefined) }
}

const firstKey = (schema: unknown) => Object.keys((schema as JsonSchema | undefined)?.properties ?? {})[0]

/** A validation failure this route can really answer: a field of its own body, path or query. */
function validationDetail (schema: FastifySchema): { field: string, message: string } | undefined {
  const body = schema.body as JsonSchema | undefined
  const required = (body?.required as string[] | undefined)?.[0]
  if (required) return { field: `body.${required}`, message: `must have required property '${required}'` }
  if (firstKey(body)) return { field: 'body', message: 'must NOT have fewer than 1 properties' }
  const param = firstKey(schema.params)
  if (param) {
    const format = ((schema.params as JsonSchema).properties as Record<string, JsonSchema>)[param]?.format
    return { field: `params.${param}`, message: format ? `must match format "${String(format)}"` : 'is invalid' }
  }
  const limit = ((schema.querystring as JsonSchema | undefined)?.properties as Record<string, JsonSchema> | undefined)?.limit
  if (limit?.maximum !== undefined) return { field: 'querystring.limit', message: `must be <= ${String(limit.maximum)}` }
  return undefined
}

/** The 400 example of a route that can refuse input: a field of its own (errors.ts's is generic). */
function withOwnValidationExample (response: JsonSchema, schema: FastifySchema): JsonSchema {
  const detail = validationDetail(schema)
  const example = (response.examples as Array<{ error?: { code?: string } }> | undefined)?.[0]
  if (!detail || example?.error?.code !== 'VALIDATION_ERROR') return response
  return { ...response, examples: [errorExample('VALIDATION_ERROR', detail)] }
}

function describedResponses (response: Record<string, JsonSchema>, rateLimited: boolean): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {}
  for (const [status, schema] of Object.entries(response)) {
    const description = SUCCESS_DESCRIPTIONS[status]
    out[status] = schema.description === undefined && description ? { ...schema, description } : schema
  }
  // Every route can answer 503: the database may be unreachable. A route behind a limiter (config.rateLimit) can answer 429.
  out['503'] ??= errorResponse(503) as JsonSchema
  if (rateLimited) out['429'] ??= errorResponse(429) as JsonSchema
  return out
}

/**
 * The @fastify/swagger `transform`: fills in what every route would otherwise repeat. The
 * route's own schema is never changed (it validates and serializes); the document gets a copy.
 */
export function documentRoute ({ schema, url, route }: { schema: FastifySchema, url: string, route: RouteOptions }): { schema: FastifySchema, url: string } {
  // A route without a schema has nothing to fill in (the type says otherwise, the runtime does not).
  if (!schema) return { schema, url }
  const rateLimited = Boolean((route.config as { rateLimit?: unknown } | undefined)?.rateLimit)
  const copy: Record<string, unknown> = { ...schema }
  if (schema.querystring) copy.querystring = optionalDefaults(schema.querystring as JsonSchema)
  const response = describedResponses((schema.response ?? {}) as Record<string, JsonSchema>, rateLimited)
  if (response['400']) response['400'] = withOwnValidationExample(response['400'], schema)
  copy.response = response
  return { schema: copy as FastifySchema, url }
}
