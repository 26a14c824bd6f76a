#!/usr/bin/env node
/**
 * A service's `dist/server.js` as one bundled module (esbuild), after build-package.mjs has
 * written the per-file build (the tests, the scripts and the bcrypt worker use those files).
 *
 * Why: a service starts by loading its modules, some 2,000 files from node_modules and the
 * workspace, which cost auth-service about 1.4 CPU-seconds a start on a 2-core VM; the bundle
 * loads in about 0.4. That is every container start, and the hundred-odd service processes a test
 * run starts. (`pnpm start` runs the services from their sources and does not use it.)
 *
 * A few dependencies find files beside their own modules at run time (WebAssembly, a worker
 * thread's script, static assets, their package.json): those stay outside the bundle (EXTERNAL)
 * and are imported from node_modules as before, so each must be a dependency of the service
 * itself; the build fails, naming it, when one is not. The workspace packages are bundled from
 * their sources (the `@rekam/source` condition).
 *
 * Usage (from a service folder): node ../../scripts/bundle-server.mjs
 */
import { readFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { join } from 'node:path'
import { build } from 'esbuild'

/** Packages that read files relative to their own modules, and why. */
const EXTERNAL = {
  '@electric-sql/pglite': 'its WebAssembly and data files, loaded from beside its module',
  piscina: 'the worker-thread script it starts from its own folder',
  '@fastify/swagger': 'reads its own package.json',
  '@fastify/swagger-ui': 'serves the static files of its own folder',
  ioredis: 'reads its own package.json, and filters its folder out of error stacks',
}

const packageDir = process.cwd()
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))

const result = await build({
  absWorkingDir: packageDir,
  entryPoints: ['src/server.ts'],
  outfile: 'dist/server.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  conditions: ['@rekam/source'],
  external: Object.keys(EXTERNAL).flatMap((name) => [name, `${name}/*`]),
  // CommonJS modules inside an ES module bundle still call require() (node: built-ins, JSON).
  banner: { js: "import { createRequire as __rekamCreateRequire } from 'node:module'; const require = __rekamCreateRequire(import.meta.url);" },
  sourcemap: true,
  metafile: true,
  legalComments: 'linked',
  logLevel: 'warning',
})

// An external is imported by its bare name from dist/: only the service's own dependencies resolve.
const imported = new Set(Object.values(result.metafile.outputs).flatMap((output) => output.imports
  .filter((entry) => entry.external && !isBuiltin(entry.path))
  .map((entry) => entry.path.startsWith('@') ? entry.path.split('/').slice(0, 2).join('/') : entry.path.split('/')[0])))
const missing = [...imported].filter((name) => !manifest.dependencies?.[name])
if (missing.length > 0) {
  console.error(`${manifest.name}: the bundle imports ${missing.join(', ')} from node_modules (${missing.map((name) => EXTERNAL[name] ?? 'external').join('; ')}); add ${missing.length === 1 ? 'it' : 'them'} to the service's dependencies`)
  process.exit(1)
}
