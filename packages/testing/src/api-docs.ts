import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

/** An OpenAPI 3.1 document as @fastify/swagger generates it (only what these checks read). */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>
  components?: { schemas?: Record<string, unknown> }
}

export interface OpenApiOperation {
  security?: unknown[]
  parameters?: Array<{ in: string, name: string, required?: boolean, schema?: { default?: unknown, type?: string, minimum?: number } }>
  requestBody?: { content: Record<string, Media> }
  responses: Record<string, { description?: string, content?: Record<string, Media> }>
}

interface Media {
  schema?: unknown
  example?: unknown
  examples?: Record<string, { value: unknown }>
}

export interface DocumentedOperation {
  method: string
  /** The OpenAPI path, `{id}` placeholders included. */
  path: string
  operation: OpenApiOperation
  /** The request body's first example, when the operation takes a body. */
  exampleBody: unknown
}

export interface DocsCheckOptions {
  /** Each error code's HTTP status (codes.ts's ErrorStatus). */
  errorStatus: Readonly<Record<string, number>>
  /** `METHOD /url` of the routes behind a rate limiter (config.rateLimit): they must declare 429. */
  rateLimited?: Iterable<string>
}

const COMPONENT_REF = '#/components/schemas/'

/** Every operation of the document, in document order. */
export function operationsOf (document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const media = operation.requestBody?.content['application/json']
      return { method: method.toUpperCase(), path, operation, exampleBody: media ? examplesOf(media)[0] : undefined }
    }))
}

function examplesOf (media: Media): unknown[] {
  if (media.example !== undefined) return [media.example]
  return Object.values(media.examples ?? {}).map((example) => example.value)
}

/** A copy of a schema that ajv compiles on its own: components referenced by id, no `$id` of its own. */
function standalone (node: unknown): unknown {
  if (Array.isArray(node)) return node.map(standalone)
  if (node === null || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === '$id') continue
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF)
      ? `component:${value.slice(COMPONENT_REF.length)}`
      : standalone(value)
  }
  return out
}

function validatorFor (document: OpenApiDocument) {
  // The service validates with its own options; here only whether an example fits its schema.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false })
  addFormats.default(ajv)
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    ajv.addSchema(standalone(schema) as object, `component:${name}`)
  }
  return (schema: unknown): ValidateFunction => ajv.compile(standalone(schema) as object)
}

/** Every example in the document with the schema it illustrates, and where it is. */
function * examplesIn (node: unknown, where: string): Generator<{ where: string, schema: unknown, example: unknown }> {
  if (node === null || typeof node !== 'object') return
  const record = node as Record<string, unknown>
  if ('schema' in record && ('example' in record || 'examples' in record)) {
    for (const example of examplesOf(record as Media)) yield { where, schema: record.schema, example }
  } else if (Array.isArray(record.examples)) {
    // A JSON Schema's own `examples` keyword (OpenAPI 3.1 keeps it on nested schemas).
    for (const example of record.examples) yield { where, schema: record, example }
  }
  for (const [key, value] of Object.entries(record)) {
    if (key === 'example' || key === 'examples') continue
    yield * examplesIn(value, `${where}.${key}`)
  }
}

/**
 * What is wrong with a service's OpenAPI document, one line each (none when all is well):
 * an example its own schema refuses, a response still described "Default Response", an error
 * status without an example or with a code that status cannot carry, a defaulted query
 * parameter marked required, an operation without 503, a rate-limited one without 429, a body
 * without an example.
 */
export function apiDocsProblems (document: OpenApiDocument, options: DocsCheckOptions): string[] {
  const problems: string[] = []
  const compile = validatorFor(document)
  for (const { where, schema, example } of examplesIn(document.paths, 'paths')) {
    const validate = compile(schema)
    if (!validate(example)) problems.push(`${where}: the example does not fit its schema: ${JSON.stringify(validate.errors)}`)
  }
  const rateLimited = new Set(options.rateLimited ?? [])
  for (const { method, path, operation, exampleBody } of operationsOf(document)) {
    const name = `${method} ${path}`
    if (operation.requestBody && exampleBody === undefined) problems.push(`${name}: the request body has no example`)
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in === 'query' && parameter.required && parameter.schema?.default !== undefined) {
        problems.push(`${name}: query parameter ${parameter.name} has a default but is marked required`)
      }
    }
    for (const [status, response] of Object.entries(operation.responses)) {
      if (!response.description || response.description === 'Default Response') problems.push(`${name} ${status}: no description`)
      if (Number(status) < 400) continue
      const media = response.content?.['application/json']
      const examples = media ? examplesOf(media) : []
      if (examples.length === 0) problems.push(`${name} ${status}: no example`)
      for (const example of examples) {
        const code = (example as { error?: { code?: unknown } }).error?.code
        if (typeof code !== 'string' || options.errorStatus[code] !== Number(status)) {
          problems.push(`${name} ${status}: the example's code ${String(code)} is not one a ${status} carries`)
        }
      }
    }
    if (!operation.responses['503']) problems.push(`${name}: 503 is not declared`)
    const url = path.replace(/\{(\w+)\}/g, ':$1')
    const limited = [url, url.replace(/\/$/, '')].some((candidate) => rateLimited.has(`${method} ${candidate}`))
    if (limited && !operation.responses['429']) problems.push(`${name}: rate-limited, but 429 is not declared`)
  }
  return problems
}

/**
 * The URL to send an operation to: each path parameter filled with `value` (a uuid by default),
 * or, for an integer parameter of `operation`, its minimum (a version number, say).
 */
export function exampleUrl (path: string, value = '0b7e6f1a-3c2d-4e5f-8a9b-0c1d2e3f4a5b', operation?: OpenApiOperation): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const schema = operation?.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema
    return schema?.type === 'integer' ? String(schema.minimum ?? 1) : value
  })
}
