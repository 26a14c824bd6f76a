/**
 * auth-service limits high enough for test stacks that sign up and sign in many users from one
 * address; tests of the limits themselves set their own values over these.
 */
export const relaxedAuthLimits: Record<string, string> = {
  LOGIN_MAX_FAILURES: '1000',
  LOGIN_MAX_FAILURES_PER_IP: '100000',
  RATE_LIMIT_REGISTER: '100000',
  RATE_LIMIT_REFRESH: '100000',
  RATE_LIMIT_CHANGE_PASSWORD: '100000',
  RATE_LIMIT_ADMIN: '100000',
  RATE_LIMIT_NOT_FOUND: '100000',
  RATE_LIMIT_EMAIL_LINKS: '100000',
  MAIL_REQUESTS_PER_ADDRESS: '1000',
  PASSWORD_RESETS_PER_ACCOUNT: '1000',
}

/** The same for records-service, whose only limit is the 404 handler's. */
export const relaxedRecordsLimits: Record<string, string> = {
  RATE_LIMIT_NOT_FOUND: '100000',
}

/**
 * How long an in-process test app waits for a PostgreSQL connection. On a CI machine busy with the
 * whole suite, opening one has taken longer than the default 5 s, which a service answers with
 * 503 and which opens its circuit (seen once in auth-service's property test). Tests of an
 * unreachable database set their own.
 */
export const testDatabaseWait: Record<string, string> = {
  DB_CONNECT_TIMEOUT: '30',
}
