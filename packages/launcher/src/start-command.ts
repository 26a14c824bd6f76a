import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * A service's production command as an argument list: its package.json `start` script,
 * `node <flags> dist/server.js`, where the flags size the V8 heap (docs/scaling.md, "Memory").
 * The Dockerfile's CMD repeats it; the launcher, the benchmark and the tests read it from here.
 */
export function startCommand (serviceDir: string): string[] {
  const { scripts } = JSON.parse(readFileSync(join(serviceDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }
  const command = (scripts?.start ?? '').trim().split(/\s+/)
  if (command[0] !== 'node' || command.at(-1) !== 'dist/server.js') throw new Error(`${serviceDir}: the start script is not "node <flags> dist/server.js"`)
  return command
}

/** The Node.js flags of that command, between `node` and `dist/server.js`. */
export const nodeFlags = (serviceDir: string): string[] => startCommand(serviceDir).slice(1, -1)
