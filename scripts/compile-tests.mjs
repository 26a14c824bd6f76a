#!/usr/bin/env node
/**
 * Compiles a package's TypeScript (src/ and test/) to JavaScript in <package>/dist-test/, with
 * the tap configuration of its package.json translated, so that `pnpm test` runs each test file
 * without a TypeScript loader. On Node.js 20 a module loader's hooks run on a thread of their
 * own and every import crosses to it: with tsx loaded, a test process spends about a CPU-second
 * more importing a service than the same code compiled (measured with `/usr/bin/time`).
 *
 * The mirror keeps the package's layout one level down: dist-test/src, test and scripts, and links
 * to the package's other folders (migrations), so paths relative to a module resolve as they do
 * from the sources. Workspace packages resolve to their built dist/ (no `@rekam/source`
 * condition), so `pnpm build` comes first. Developers keep running `npx tap test/x.test.ts` on
 * the sources through tsx; the bench, whose tests start TypeScript children by path, is not
 * compiled and runs on the sources.
 *
 * Usage: node scripts/compile-tests.mjs <package dir>...
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { build } from 'esbuild'
import { groupEntry, OWN_PROCESS, planGroups } from './lib/test-groups.mjs'

const OUT = 'dist-test'
/** The generated group entries (scripts/lib/test-groups.mjs), beside test/ in dist-test/. */
const GROUPS = 'test-groups'
const COMPILED = new Set(['src', 'test', 'scripts'])
const NOT_LINKED = new Set([...COMPILED, OUT, 'dist', 'node_modules', '.tap'])

/** Every file below a folder, as paths relative to the package. */
function filesBelow (packageDir, folder) {
  const root = join(packageDir, folder)
  if (!existsSync(root)) return []
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(packageDir, join(entry.parentPath ?? entry.path, entry.name)))
}

/**
 * The package's tap settings for the compiled files: without the TypeScript loader, the group
 * entries and the files that keep a process of their own, and a timeout per process that covers
 * its group. tap starts every test process with `--enable-source-maps`; turned off again, as it
 * costs a process about 0.35 CPU-s (every module's source map read and parsed at load). A
 * failure's stack then names the compiled file, which esbuild keeps close to the source; the maps
 * are still written beside it for a debugger.
 */
function compiledTapConfig (tap, include, groupSize) {
  const nodeArgs = (tap['node-arg'] ?? []).filter((arg) => arg !== '--import=tsx' && arg !== '--conditions=@rekam/source')
  return { ...tap, include, 'node-arg': [...nodeArgs, '--no-enable-source-maps'], timeout: (tap.timeout ?? 30) * Math.max(1, groupSize) }
}

/** Writes the group entries of the compiled test files; the paths tap is to run. */
function writeGroups (packageDir, out, tap, perProcess, testSources) {
  const compiled = testSources.filter((file) => file.endsWith('.test.ts')).map((file) => {
    const source = readFileSync(join(packageDir, file), 'utf8')
    return { path: file.replace(/\.ts$/, '.js'), size: source.length, own: OWN_PROCESS.test(source) }
  })
  const groups = planGroups(compiled.filter((file) => !file.own), tap.jobs ?? 1, perProcess)
  mkdirSync(join(out, GROUPS), { recursive: true })
  groups.forEach((paths, index) => {
    const files = paths.map((path) => ({ importPath: join('..', path), name: path }))
    writeFileSync(join(out, GROUPS, `group-${String(index + 1).padStart(2, '0')}.test.js`), groupEntry(files))
  })
  const include = [`${GROUPS}/*.test.js`, ...compiled.filter((file) => file.own).map((file) => file.path)]
  return { include, groupSize: Math.max(0, ...groups.map((paths) => paths.length)) }
}

async function compile (packageDir) {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
  if (!pkg.tap) return false
  const out = join(packageDir, OUT)
  rmSync(out, { recursive: true, force: true })
  const files = [...COMPILED].flatMap((folder) => filesBelow(packageDir, folder))
  const sources = files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  await build({
    absWorkingDir: packageDir,
    entryPoints: sources,
    outdir: OUT,
    outbase: '.',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  })
  // Fixtures and plain JavaScript modules beside the sources, as they are.
  for (const file of files.filter((f) => !f.endsWith('.ts'))) {
    mkdirSync(dirname(join(out, file)), { recursive: true })
    copyFileSync(join(packageDir, file), join(out, file))
  }
  for (const entry of readdirSync(packageDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !NOT_LINKED.has(entry.name) && !entry.name.startsWith('.')) {
      symlinkSync(join('..', entry.name), join(out, entry.name))
    }
  }
  const { include, groupSize } = writeGroups(packageDir, out, pkg.tap, pkg.testFilesPerProcess, sources.filter((file) => file.startsWith('test')))
  // tap finds its project root at the nearest .taprc: the tests run from dist-test.
  writeFileSync(join(out, '.taprc'), JSON.stringify(compiledTapConfig(pkg.tap, include, groupSize), null, 2) + '\n')
  return true
}

const dirs = process.argv.slice(2).map((dir) => resolve(dir))
const compiled = await Promise.all(dirs.map(compile))
console.log(`compiled the tests of ${compiled.filter(Boolean).length} packages to ${OUT}/`)
