#!/usr/bin/env node
/**
 * `pnpm build`, only when a package's build is older than its sources: the tests run the built
 * packages, and an up-to-date checkout (CI builds just before) should not pay for a dozen
 * TypeScript programs that find nothing to do (about 20 CPU-seconds).
 *
 * A package is stale when a file of its sources (src/, and the portal's index.html, public/ and
 * vite.config.ts), its package.json or its tsconfig files is newer than everything in its dist/,
 * or when it has no dist/ yet. Any stale package means one `pnpm build` of the whole workspace
 * (incremental: the unchanged ones are quick, and dependents see the new declarations). tsc
 * leaves a file it would write unchanged alone, so each package then gets a stamp in its
 * node_modules (never shipped) that says when it was last built.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json']
const stampOf = (dir) => join(dir, 'node_modules', '.rekam-built')

/** The newest modification time below a path (0 when it does not exist). */
function newest (path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((latest, entry) => Math.max(latest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs), 0)
}

const packageDirs = ['services', 'packages'].flatMap((group) => readdirSync(group).map((name) => join(group, name)))
const stale = packageDirs.filter((dir) => {
  const manifest = join(dir, 'package.json')
  if (!existsSync(manifest) || !JSON.parse(readFileSync(manifest, 'utf8')).scripts?.build) return false
  const output = newest(join(dir, 'dist'))
  const built = Math.max(output, output === 0 ? 0 : newest(stampOf(dir)))
  return built === 0 || INPUTS.some((input) => newest(join(dir, input)) > built)
})

if (stale.length === 0) {
  console.log('every package is built and current')
} else {
  console.log(`building: ${stale.join(', ')} changed since their last build`)
  // Run from a pnpm script, npm_execpath is pnpm itself.
  const pnpm = process.env.npm_execpath
  if (pnpm?.includes('pnpm')) execFileSync(process.execPath, [pnpm, 'build'], { stdio: 'inherit' })
  else execFileSync('npx', ['-y', 'pnpm@10', 'build'], { stdio: 'inherit' })
  for (const dir of stale) {
    mkdirSync(join(dir, 'node_modules'), { recursive: true })
    writeFileSync(stampOf(dir), `${new Date().toISOString()}\n`)
  }
}
