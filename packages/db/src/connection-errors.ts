/** Codes of the errors this package raises itself; @rekam/errors maps both to 503. */
export type UnavailableCode = 'DB_POOL_TIMEOUT' | 'DB_CIRCUIT_OPEN'

export function databaseUnavailable (code: UnavailableCode, message: string): Error & { code: UnavailableCode } {
  return Object.assign(new Error(message), { code })
}

/**
 * Errors that say the connection to the server failed or broke: Node's socket errors and
 * postgres.js's own (CONNECT_TIMEOUT, CONNECTION_*). An SQL error (a unique violation, a syntax
 * error) proves the server answered, so it never counts.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
])

/** SQLSTATEs of a server that is shutting down, restarting or not accepting connections. */
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03'])

export function isConnectionError (error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const { code, errors } = error as { code?: unknown, errors?: unknown }
  // Several addresses refused (localhost: ::1 then 127.0.0.1) arrive as one AggregateError.
  if (code === undefined && Array.isArray(errors)) return isConnectionError(errors[0])
  if (typeof code !== 'string') return false
  return CONNECTION_CODES.has(code) || CONNECTION_SQLSTATES.has(code) || code.startsWith('08')
}
