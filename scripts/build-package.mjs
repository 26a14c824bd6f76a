#!/usr/bin/env node
/**
 * A package's `build`: its src/ compiled to dist/, one JavaScript module per TypeScript module,
 * with source maps (esbuild). Types are checked once for the whole tree by `pnpm typecheck`
 * (tsconfig/README.md), so the build only strips them: each package's own `tsc` emit checked its
 * dependencies' declarations again and cost most of CI's build step. The sources are written for
 * that (`isolatedModules`, `verbatimModuleSyntax` in tsconfig.base.json): every file compiles
 * alone. dist/ holds no declarations; inside the workspace, types come from the sources through
 * the `@rekam/source` condition.
 *
 * Usage (from a package folder): node ../../scripts/build-package.mjs
 */
import { readdirSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import { build } from 'esbuild'

const packageDir = process.cwd()
const sources = readdirSync(join(packageDir, 'src'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
  .map((entry) => relative(packageDir, join(entry.parentPath ?? entry.path, entry.name)))

rmSync(join(packageDir, 'dist'), { recursive: true, force: true })
await build({
  absWorkingDir: packageDir,
  entryPoints: sources,
  outdir: 'dist',
  outbase: 'src',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
})
