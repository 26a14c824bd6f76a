/** One of ajv's errors, as env-schema attaches them to the error it throws. */
interface SchemaError {
  instancePath: string
  keyword: string
  message?: string
  params: { allowedValue?: unknown }
}

/**
 * env-schema's message for a setting outside an enum is one "must be equal to constant" per
 * allowed value; an operator needs the values. Each variable gets one clause: the allowed values
 * for an enum, ajv's own words otherwise ("PORT must be <= 65535").
 */
export function describeConfigErrors (err: unknown): string | undefined {
  const errors = (err as { errors?: SchemaError[] }).errors
  if (!Array.isArray(errors) || errors.length === 0) return undefined
  const byVariable = new Map<string, SchemaError[]>()
  for (const e of errors) {
    const name = e.instancePath.replace(/^\//, '') || 'the configuration'
    byVariable.set(name, [...(byVariable.get(name) ?? []), e])
  }
  return [...byVariable].map(([name, list]) => {
    const allowed = list.filter((e) => e.keyword === 'const').map((e) => String(e.params.allowedValue))
    if (allowed.length > 0) return `${name} must be one of: ${allowed.join(', ')}`
    return list.filter((e) => e.keyword !== 'anyOf').map((e) => `${name} ${e.message ?? 'is not valid'}`).join(', ')
  }).join('; ')
}
