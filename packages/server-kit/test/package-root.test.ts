import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import t from 'tap'
import { packageRoot, runsFromSources } from '../src/index.js'

t.test('a module\'s package is the nearest folder above it with a package.json, at any depth', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'rekam-package-root-'))
  t.teardown(() => rmSync(root, { recursive: true, force: true }))
  const pkg = join(root, 'service')
  mkdirSync(join(pkg, 'dist', 'plugins', 'app'), { recursive: true })
  mkdirSync(join(pkg, 'node_modules', 'dep', 'lib'), { recursive: true })
  writeFileSync(join(pkg, 'package.json'), '{}')
  writeFileSync(join(pkg, 'node_modules', 'dep', 'package.json'), '{}')
  t.equal(packageRoot(pathToFileURL(join(pkg, 'dist', 'server.js')).href), pkg, 'a bundle in dist/')
  t.equal(packageRoot(pathToFileURL(join(pkg, 'dist', 'plugins', 'app', 'db.js')).href), pkg, 'a module of the per-file build')
  t.equal(packageRoot(pathToFileURL(join(pkg, 'node_modules', 'dep', 'lib', 'x.js')).href), join(pkg, 'node_modules', 'dep'), 'a dependency is a package of its own')
  t.throws(() => packageRoot(pathToFileURL(join(root, 'loose.js')).href), { message: `no package.json in ${root} or any folder above it` })
})

t.test('sources are told from a build by the module\'s extension', async (t) => {
  t.equal(runsFromSources('file:///srv/app/src/services/password-hasher.ts'), true)
  t.equal(runsFromSources('file:///srv/app/dist/server.js'), false)
})
