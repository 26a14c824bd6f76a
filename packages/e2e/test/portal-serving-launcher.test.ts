/**
 * `pnpm start` and the portal (packages/launcher, portal-build.ts and launch.ts): the checkout's
 * services/portal is built with its own `build` script when it has no build or an older one than
 * its sources (one line printed, the output in a log file), a failed build leaves the API served,
 * PORTAL_DIR serves another folder or none. The portal packages here are written by the test,
 * their build script a real one. The real launcher serving a portal folder: launcher.test.ts.
 */
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { portalSetting, preparePortal, type PortalSetting } from '@rekam/launcher'
import t, { type Test } from 'tap'
import { tempDir } from '@rekam/testing/e2e'
import { PAGE, writePortal } from './helpers/portal-fixture.js'

/** Writes dist/index.html with the time of the build, or fails when the folder holds a `fail` file. */
const BUILD_SCRIPT = `import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
console.log('building the test portal')
if (existsSync('fail')) { console.error('the build failed on purpose'); process.exit(2) }
mkdirSync('dist', { recursive: true })
writeFileSync('dist/index.html', '<!doctype html><title>built</title>')
`

/** A checkout with a portal package (depending on a workspace package) whose sources are an hour old. */
function checkout (t: Test) {
  const root = tempDir(t, 'portal-checkout')
  const files: Record<string, string> = {
    'services/portal/package.json': JSON.stringify({ name: '@rekam/portal', private: true, type: 'module', scripts: { build: 'node build.mjs' }, dependencies: { '@rekam/client': 'workspace:*' } }),
    'services/portal/build.mjs': BUILD_SCRIPT,
    'services/portal/src/main.tsx': 'export {}\n',
    'services/portal/test/page.test.ts': 'export {}\n',
    'packages/client/package.json': JSON.stringify({ name: '@rekam/client' }),
    'packages/client/src/index.ts': 'export {}\n',
  }
  const hourAgo = new Date(Date.now() - 3600_000)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), content)
    utimesSync(join(root, path), hourAgo, hourAgo)
  }
  const dataDir = tempDir(t, 'portal-data')
  const lines: string[] = []
  const prepare = (setting: PortalSetting = portalSetting(root, {})) => preparePortal(setting, { root, dataDir, say: (line) => lines.push(line) })
  /** An edit after the build (a minute ahead), or back to its old time. */
  const touch = (path: string, edited = true) => utimesSync(join(root, path), new Date(), edited ? new Date(Date.now() + 60_000) : hourAgo)
  return { root, dist: join(root, 'services/portal/dist'), log: join(dataDir, 'portal-build.log'), lines, prepare, touch }
}

t.test('no build yet: the build script runs once, with one line; then the build is current', async (t) => {
  const c = checkout(t)
  t.equal(await c.prepare(), c.dist, 'serves services/portal/dist')
  t.strictSame(c.lines, [`rekam: building the portal (no build yet); output in ${c.log}`])
  t.match(readFileSync(c.log, 'utf8'), 'building the test portal', 'the script\'s output in the log')
  t.equal(readFileSync(join(c.dist, 'index.html'), 'utf8'), '<!doctype html><title>built</title>')
  c.lines.length = 0
  t.equal(await c.prepare(), c.dist)
  t.strictSame(c.lines, [], 'not built again')
  c.touch('services/portal/test/page.test.ts')
  t.equal(await c.prepare(), c.dist)
  t.strictSame(c.lines, [], 'a test is no source of the build')
  mkdirSync(join(c.root, 'services/portal/dist-test/test'), { recursive: true })
  writeFileSync(join(c.root, 'services/portal/dist-test/test/page.test.js'), 'export {}\n')
  t.equal(await c.prepare(), c.dist)
  t.strictSame(c.lines, [], 'nor are the tests compiled by pnpm test (dist-test)')
})

t.test('a source changed since the build, the portal\'s or a workspace package\'s: built again', async (t) => {
  const c = checkout(t)
  await c.prepare()
  for (const path of ['services/portal/src/main.tsx', 'packages/client/src/index.ts']) {
    c.lines.length = 0
    c.touch(path)
    t.equal(await c.prepare(), c.dist)
    t.strictSame(c.lines, [`rekam: building the portal (${path} changed since the last build); output in ${c.log}`], path)
    c.touch(path, false)
  }
})

t.test('a failed build: its log named, the previous build served, else the API only', async (t) => {
  const c = checkout(t)
  writeFileSync(join(c.root, 'services/portal/fail'), '')
  t.equal(await c.prepare(), undefined, 'no portal')
  t.strictSame(c.lines, [
    `rekam: building the portal (no build yet); output in ${c.log}`,
    `rekam: the portal build failed (see ${c.log}); serving the API only. Fix it and start again.`,
  ])
  t.match(readFileSync(c.log, 'utf8'), 'the build failed on purpose')
  mkdirSync(c.dist)
  writeFileSync(join(c.dist, 'index.html'), 'previous')
  c.touch('services/portal/src/main.tsx')
  c.lines.length = 0
  t.equal(await c.prepare(), c.dist, 'the previous build')
  t.match(c.lines[1], /serving the previous build\. Fix it and start again\.$/)
})

t.test('PORTAL_DIR: off, a folder of one\'s own (never built), or a clear refusal', async (t) => {
  const c = checkout(t)
  t.strictSame(portalSetting(c.root, { PORTAL_DIR: 'off' }), { kind: 'off' })
  t.equal(await c.prepare({ kind: 'off' }), undefined)
  const own = writePortal(t)
  t.strictSame(portalSetting(c.root, { PORTAL_DIR: own }), { kind: 'folder', dir: own })
  t.equal(await c.prepare(portalSetting(c.root, { PORTAL_DIR: own })), own)
  mkdirSync(join(c.root, 'own-build'))
  writeFileSync(join(c.root, 'own-build', 'index.html'), PAGE)
  t.strictSame(portalSetting(c.root, { PORTAL_DIR: 'own-build' }), { kind: 'folder', dir: join(c.root, 'own-build') }, 'relative to the checkout')
  t.throws(() => portalSetting(c.root, { PORTAL_DIR: 'nowhere' }), { message: 'PORTAL_DIR=nowhere has no index.html; point it at a portal build, or set PORTAL_DIR=off' })
  t.strictSame(c.lines, [], 'nothing built, nothing printed')
  t.strictSame(portalSetting(tempDir(t, 'no-portal'), {}), { kind: 'none' }, 'a checkout without services/portal: no portal')
})
