#!/usr/bin/env node
/**
 * `tap build` where it is due: tap compiles its plugin set into its Test class, and a test run
 * whose configured set (`tap.plugin`, the same in every package) differs from the built one
 * rebuilds it first, so the two lanes would race to rebuild the same installation. This builds
 * each tap installation the packages use once, before the lanes start, and only when it was built
 * for another set (a fresh install): a build costs about 8 CPU-seconds.
 *
 * Usage: node scripts/tap-build.mjs
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const packageDirs = ['services', 'packages'].flatMap((group) => readdirSync(group).map((name) => join(group, name)))

/** Package folders with a tap configuration, one per tap installation (the folder holding @tapjs/test). */
const installations = new Map()
for (const dir of packageDirs) {
  const manifest = join(dir, 'package.json')
  if (!existsSync(manifest)) continue
  const { tap } = JSON.parse(readFileSync(manifest, 'utf8'))
  const tapDir = join(dir, 'node_modules', 'tap')
  if (!tap || !existsSync(tapDir)) continue
  const testDir = realpathSync(join(dirname(realpathSync(tapDir)), '@tapjs', 'test'))
  if (!installations.has(testDir)) installations.set(testDir, { dir, plugins: tap.plugin ?? [] })
}

for (const [testDir, { dir, plugins }] of installations) {
  // As @tapjs/config computes it: the default plugins, plus the added, minus the `!`-prefixed.
  const { defaultPlugins } = await import(pathToFileURL(join(testDir, 'dist', 'esm', 'default-plugins.js')).href)
  const wanted = new Set(defaultPlugins)
  for (const plugin of plugins) {
    if (plugin.startsWith('!')) wanted.delete(plugin.slice(1))
    else wanted.add(plugin)
  }
  const signature = [...wanted].sort((a, b) => a.localeCompare(b, 'en')).join('\n')
  const built = readFileSync(join(testDir, 'test-built', 'dist', 'esm', 'index.js'), 'utf8')
    .match(/^export const signature = `([^`]*)`/m)?.[1]
  if (built === signature) {
    console.log(`tap's plugin set is built (${dir})`)
    continue
  }
  console.log(`building tap's plugin set (${dir})`)
  execFileSync(process.execPath, [join('node_modules', 'tap', 'dist', 'esm', 'run.mjs'), 'build'], { cwd: dir, stdio: 'inherit' })
}
