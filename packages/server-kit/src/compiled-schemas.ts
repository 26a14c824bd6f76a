import { SerializerSelector, type Options, type RouteDefinition, type Serializer } from '@fastify/fast-json-stringify-compiler'

/**
 * Validators and serializers compiled once per process, keyed by their schema's JSON.
 *
 * A service compiles every route's schemas when it starts (ajv, fast-json-stringify): about
 * half a CPU-second for auth-service. A process that builds many apps, as the test suites do,
 * compiled the same schemas again for each: measured on one of auth-service's test groups, 4.4
 * of its 12.6 CPU-seconds. Equal schemas compile to equal functions, and neither kind keeps
 * state from one call to the next (a validator's `errors` is read as soon as it returns), so an
 * app may use the function compiled for an equal schema before. A service's own process has one
 * app: for it nothing changes.
 */
export class CompiledSchemas<F> {
  readonly #compiled = new Map<string, F>()

  get (key: string, compile: () => F): F {
    let compiled = this.#compiled.get(key)
    if (compiled === undefined) {
      compiled = compile()
      this.#compiled.set(key, compiled)
    }
    return compiled
  }
}

const serializers = new CompiledSchemas<Serializer>()
const defaultSerializers = SerializerSelector()

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const isStringConstant = (branch: Json) => typeof branch === 'object' && branch !== null && !Array.isArray(branch) && typeof branch.const === 'string'

/**
 * A response schema as fast-json-stringify is given it: every union of string constants (a
 * TypeBox `Type.Union` of `Type.Literal`s, JSON Schema's `anyOf` of `const`s: roles, statuses,
 * error codes) becomes the same strings as an `enum`. fast-json-stringify writes a string as it
 * is, but serializes an `anyOf` by trying its branches in turn through ajv, each compiled on first
 * use, for every value: 20 to 30 µs a value for the later of 33 error codes, against under 2 for
 * a string. The output is the same; validation and the API documents keep the union.
 */
export function forSerialization<T> (schema: T): T {
  return rewrite(schema as Json) as T
}

/** A copy of `node` (its string keys: TypeBox's symbol keys say nothing to fast-json-stringify). */
function rewrite (node: Json): Json {
  if (Array.isArray(node)) return node.map(rewrite)
  if (typeof node !== 'object' || node === null) return node
  const { anyOf } = node
  if (Array.isArray(anyOf) && anyOf.length > 0 && anyOf.every(isStringConstant)) {
    const rest = Object.entries(node).filter(([key]) => key !== 'anyOf')
    return { ...Object.fromEntries(rest), type: 'string', enum: anyOf.map((branch) => (branch as { const: string }).const) }
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, rewrite(value)]))
}

/**
 * Fastify's own serializer compiler (fast-json-stringify), through the process's cache and on
 * the schemas `forSerialization` gives: the `schemaController.compilersFactory.buildSerializer`
 * of every rekam service.
 */
export function buildSerializer (externalSchemas?: unknown, options?: Options) {
  const compile = defaultSerializers(externalSchemas === undefined ? undefined : forSerialization(externalSchemas), options)
  const context = JSON.stringify([externalSchemas, options])
  return (route: RouteDefinition) => serializers.get(`${context}${JSON.stringify(route.schema)}`, () => compile({ ...route, schema: forSerialization(route.schema) }))
}
