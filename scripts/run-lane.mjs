#!/usr/bin/env node
/**
 * Runs the test:lane script of each named package, one after the other, in the order given: a
 * lane starts with its longest packages, so that the short ones fill the cores at its end while
 * the other lane finishes. Every package runs even when one fails; the exit code says whether all passed.
 */
import { spawnSync } from 'node:child_process'

const packages = process.argv.slice(2)
if (packages.length === 0) {
  process.stderr.write('usage: run-lane.mjs <package> [<package>...]\n')
  process.exit(2)
}
const failed = []
for (const name of packages) {
  const { status, error } = spawnSync('npx', ['-y', 'pnpm@10', '--filter', name, 'test:lane'], { stdio: 'inherit' })
  if (error || status !== 0) failed.push(name)
}
if (failed.length > 0) {
  process.stderr.write(`failed: ${failed.join(', ')}\n`)
  process.exit(1)
}
