import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The folder of the package a module belongs to: the nearest folder above it that holds a
 * package.json. Files a service ships beside its code (migrations, worker threads) are found
 * from there, the same from its sources, its per-file build, its bundled `dist/server.js`
 * (scripts/bundle-server.mjs) and an installed image, where each module sits at another depth.
 */
export function packageRoot (moduleUrl: string): string {
  const start = dirname(fileURLToPath(moduleUrl))
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error(`no package.json in ${start} or any folder above it`)
  }
}

/** true when the module runs from its TypeScript sources (through tsx), not from a build. */
export function runsFromSources (moduleUrl: string): boolean {
  return moduleUrl.endsWith('.ts')
}
