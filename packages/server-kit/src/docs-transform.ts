import { errorResponse } from '@rekam/errors'
import type { FastifySchema, RouteOptions } from 'fastify'

type JsonSchema = Record<string, unknown>

/** What a success answers, for statuses whose route gives no description of its own. */
const SUCCESS_DESCRIPTIONS: Record<string, string> = {
  200: 'Done: the envelope { success: true, data, message? }',
  201: 'Created: the envelope { success: true, data, message? } holds what was created',
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

function describedResponses (response: Record<string, JsonSchema>, rateLimited: boolean): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {}
  for (const [status, schema] of Object.entries(response)) {
    const description = SUCCESS_DESCRIPTIONS[status]
    out[status] = schema.description === undefined && description ? { ...schema, description } : schema
  }
  // Every route can answer 503: the database may be unreachable, and an instance shutting down
  // refuses what reaches it (service.ts). A route behind a limiter (config.rateLimit) can answer 429.
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
  copy.response = describedResponses((schema.response ?? {}) as Record<string, JsonSchema>, rateLimited)
  return { schema: copy as FastifySchema, url }
}
