/**
 * A reason a service cannot start that its operator fixes (a setting, a port, a database):
 * printed as one line naming what to change, never as a stack trace.
 */
export class StartupError extends Error {
  override name = 'StartupError'
}

export function isStartupError (err: unknown): err is StartupError {
  return err instanceof Error && err.name === 'StartupError'
}
