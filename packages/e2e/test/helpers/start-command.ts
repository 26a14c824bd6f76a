import { readFileSync } from 'node:fs'
import { repoPath, type ServiceName } from '@rekam/testing/e2e'

/**
 * A service's production command as an argument list: its package.json `start` script,
 * `node <flags> dist/server.js` (the flags size the V8 heap, docs/scaling.md "Memory").
 */
export function startCommand (service: ServiceName): string[] {
  const { scripts } = JSON.parse(readFileSync(repoPath('services', service, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const command = (scripts.start ?? '').trim().split(/\s+/)
  if (command[0] !== 'node' || command.at(-1) !== 'dist/server.js') throw new Error(`${service}: the start script is not "node <flags> dist/server.js"`)
  return command
}

/** The Node.js flags of that command, between `node` and `dist/server.js`. */
export const nodeFlags = (service: ServiceName): string[] => startCommand(service).slice(1, -1)

/** The Dockerfile's `CMD [...]` (exec form) as an argument list. */
export function dockerCmd (service: ServiceName): string[] | undefined {
  const line = /^CMD (\[.*\])$/m.exec(readFileSync(repoPath('services', service, 'Dockerfile'), 'utf8'))?.[1]
  return line === undefined ? undefined : JSON.parse(line) as string[]
}
