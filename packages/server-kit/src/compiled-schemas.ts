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

/**
 * Fastify's own serializer compiler (fast-json-stringify), through the process's cache: the
 * `schemaController.compilersFactory.buildSerializer` of every rekam service.
 */
export function buildSerializer (externalSchemas?: unknown, options?: Options) {
  const compile = defaultSerializers(externalSchemas, options)
  const context = JSON.stringify([externalSchemas, options])
  return (route: RouteDefinition) => serializers.get(`${context}${JSON.stringify(route.schema)}`, () => compile(route))
}
