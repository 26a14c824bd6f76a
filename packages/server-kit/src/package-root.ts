import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The nearest folder at or above `start` that holds `file`; undefined at the file system's root. */
export function findUp (start: string, file: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, file))) return dir
    if (dirname(dir) === dir) return undefined
  }
}

/**
 * The folder of the package a module belongs to: the nearest folder above it that holds a
 * package.json. Files a service ships beside its code (migrations, worker threads) are found
 * from there, the same from its sources, its per-file build, its bundled `dist/server.js`
 * (scripts/bundle-server.mjs) and an installed image, where each module sits at another depth.
 */
export function packageRoot (moduleUrl: string): string {
  const start = dirname(fileURLToPath(moduleUrl))
  const root = findUp(start, 'package.json')
  if (root === undefined) throw new Error(`no package.json in ${start} or any folder above it`)
  return root
}

/** true when the module runs from its TypeScript sources (through tsx), not from a build. */
export function runsFromSources (moduleUrl: string): boolean {
  return moduleUrl.endsWith('.ts')
}
