import { isStartupError } from '@rekam/errors'

/**
 * Runs a service's (or a script's) start. A reason its operator fixes (a StartupError: a setting,
 * a port in use, an unreachable or foreign database) ends the process with one line on stderr
 * naming what to change; anything else is a bug and keeps its stack.
 */
export async function startOrExit (name: string, start: () => Promise<void>): Promise<void> {
  try {
    await start()
  } catch (err) {
    if (!isStartupError(err)) throw err
    process.stderr.write(`${name}: ${err.message}\n`)
    process.exit(1)
  }
}
