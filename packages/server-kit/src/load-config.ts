import type { Static, TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import envSchema from 'env-schema'
import { StartupError } from '@rekam/errors'
import { checkBaseConfig, type BaseConfig } from './config.js'
import { describeConfigErrors } from './config-errors.js'

/** An empty variable (`JWT_PRIVATE_KEY=` in an env file) counts as unset. */
function withoutEmpty (env: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
}

/**
 * A service's validated configuration, before any server exists: defaults applied, strings
 * coerced and checked against the schema (the error names the variable), then the rules every
 * service shares and the service's own cross-variable `check`. Scripts and `createService` both
 * read their configuration here, so a script never runs on settings the service would refuse.
 * @see https://github.com/tinchoz49/fastify-starter/blob/main/src/app.ts
 */
export function loadConfig<S extends TSchema & { static: BaseConfig }> (
  schema: S,
  env: Record<string, unknown>,
  check?: (config: Static<S>) => void,
): Static<S> {
  try {
    const data: unknown = envSchema({ schema, data: withoutEmpty(env), env: false, dotenv: false })
    // env-schema's result is untyped; TypeBox's check is what makes it the schema's type.
    if (!Value.Check(schema, data)) throw new Error('The configuration does not match its schema')
    checkBaseConfig(data)
    check?.(data)
    return data
  } catch (err) {
    // Every refusal here names a variable: the operator's to fix, so one line without a stack.
    throw new StartupError(describeConfigErrors(err) ?? (err as Error).message, { cause: err })
  }
}
