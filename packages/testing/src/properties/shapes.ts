/** Schemas as the OpenAPI document gives them: plain JSON. */
export type Schema = Record<string, any>
export interface RouteShape { body?: Schema, query: Record<string, Schema> }

/** Request body and query schemas by `METHOD /path/:param`, from the app's OpenAPI document. */
export function shapesFrom (doc: Schema): Map<string, RouteShape> {
  const deref = (s: Schema): Schema => s.$ref ? deref(doc.components.schemas[s.$ref.split('/').pop()]) : s
  const shapes = new Map<string, RouteShape>()
  for (const [path, operations] of Object.entries<Schema>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Schema>(operations)) {
      const body = op.requestBody?.content?.['application/json']?.schema
      const query = Object.fromEntries((op.parameters ?? []).filter((p: Schema) => p.in === 'query').map((p: Schema) => [p.name, deref(p.schema ?? {})]))
      shapes.set(routeKey(method, path.replace(/\{(\w+)\}/g, ':$1')), { ...(body ? { body: deref(body) } : {}), query })
    }
  }
  return shapes
}

/** Every property and query parameter name the service's schemas know. */
export function fieldNamesOf (shapes: Map<string, RouteShape>): string[] {
  const names = new Set<string>()
  for (const shape of shapes.values()) {
    for (const name of [...Object.keys(shape.body?.properties ?? {}), ...Object.keys(shape.query)]) names.add(name)
  }
  return [...names].sort()
}

/** `METHOD /path` as shapes are keyed: upper-case method, no trailing slash. */
export const routeKey = (method: string, url: string) => `${method.toUpperCase()} ${url.replace(/(.)\/$/, '$1')}`
