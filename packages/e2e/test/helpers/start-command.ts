import { readFileSync } from 'node:fs'
import { nodeFlags as flagsOf, startCommand as commandOf } from '@rekam/launcher'
import { repoPath, type ServiceName } from '@rekam/testing/e2e'

/** A service's production command as an argument list (its `start` script; see @rekam/launcher). */
export const startCommand = (service: ServiceName): string[] => commandOf(repoPath('services', service))

/** The Node.js flags of that command, between `node` and `dist/server.js`. */
export const nodeFlags = (service: ServiceName): string[] => flagsOf(repoPath('services', service))

/** The Dockerfile's `CMD [...]` (exec form) as an argument list. */
export function dockerCmd (service: ServiceName): string[] | undefined {
  const line = /^CMD (\[.*\])$/m.exec(readFileSync(repoPath('services', service, 'Dockerfile'), 'utf8'))?.[1]
  return line === undefined ? undefined : JSON.parse(line) as string[]
}

/**
 * The Dockerfile's `pnpm ... deploy` arguments (after `pnpm`, without the target folder), so
 * that a test deploys exactly as the image's build stage does.
 */
export function dockerDeploy (service: ServiceName): string[] {
  const line = /pnpm (--filter \S+ deploy .*) \/out$/m.exec(readFileSync(repoPath('services', service, 'Dockerfile'), 'utf8'))?.[1]
  if (line === undefined) throw new Error(`services/${service}/Dockerfile: no "pnpm --filter ... deploy ... /out" line`)
  return line.split(/\s+/)
}
