/**
 * Recognises errors from postgres.js and PGlite without depending on either, so the error
 * handler can map them. Drizzle wraps driver errors, so the cause chain is searched.
 */
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
  // @rekam/db's own: no connection within the bound, or the database is known to be down.
  'DB_POOL_TIMEOUT', 'DB_CIRCUIT_OPEN',
])

/** SQLSTATE classes that mean "the database cannot serve now", not "your query is wrong". */
const UNAVAILABLE_SQLSTATE_PREFIXES = ['08', '53', '57P']

function * causes (error: unknown): Generator<{ code?: unknown, errors?: unknown }> {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    yield current as { code?: unknown }
    // AggregateError (several addresses refused) hides the codes one level down.
    const nested = (current as { errors?: unknown }).errors
    if (Array.isArray(nested) && nested[0]) yield nested[0] as { code?: unknown }
    current = (current as { cause?: unknown }).cause
  }
}

export function isUniqueViolation (error: unknown): boolean {
  for (const e of causes(error)) if (e.code === '23505') return true
  return false
}

export function isDatabaseUnavailable (error: unknown): boolean {
  for (const e of causes(error)) {
    const code = e.code
    if (typeof code !== 'string') continue
    if (UNAVAILABLE_NODE_CODES.has(code)) return true
    if (UNAVAILABLE_SQLSTATE_PREFIXES.some((prefix) => code.startsWith(prefix))) return true
  }
  return false
}
