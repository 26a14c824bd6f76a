import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (this file is packages/testing/src/e2e/repo.ts, or its build in dist/e2e). */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

export const repoPath = (...parts: string[]) => join(repoRoot, ...parts)

export type ServiceName = 'auth-service' | 'records-service'

/**
 * Node's arguments for running a package's script (`src/scripts/<name>.ts`) in a child process,
 * as tests run the operator commands: when the calling test runs compiled (`pnpm test`), the
 * script's build (`dist/scripts/<name>.js`, what the images run), which spares the child tsx's
 * module loader (about a CPU-second on Node 20); when it runs from its sources
 * (`npx tap test/x.test.ts`), the source through tsx. `caller` is the test's import.meta.url.
 */
export function scriptArgs (caller: string, packageDir: string, name: string): string[] {
  return caller.endsWith('.ts')
    ? ['--conditions=@rekam/source', '--import=tsx', join(packageDir, 'src', 'scripts', `${name}.ts`)]
    : ['--enable-source-maps', join(packageDir, 'dist', 'scripts', `${name}.js`)]
}

/**
 * The command and arguments that run pnpm 10 with `args`: the pnpm running the tests when there
 * is one (a package script sets npm_execpath), else `npx -y pnpm@10`, whose npm start and
 * registry lookup cost about two CPU-seconds per call.
 */
export function pnpmCommand (args: string[]): [string, string[]] {
  const pnpm = process.env.npm_execpath
  return pnpm && /pnpm\.c?js$/.test(pnpm) ? [process.execPath, [pnpm, ...args]] : ['npx', ['-y', 'pnpm@10', ...args]]
}

/** What `node dist/server.js` needs: the service's own output and that of the packages it imports. */
const BUILT_OUTPUTS = [
  'services/auth-service/dist/server.js',
  'services/records-service/dist/server.js',
  ...['auth-verify', 'db', 'demo-data', 'errors', 'schemas', 'server-kit'].map((p) => `packages/${p}/dist/index.js`),
]

function newestMtime (dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/**
 * Makes sure the built services exist: when any output is missing, runs the workspace build
 * (`pnpm -r --if-present build`, what `pnpm build` runs, as CI does before the tests) once, and fails clearly if that does not help.
 * Returns notes worth printing (a source newer than its build).
 */
export function ensureBuilt (): string[] {
  const missing = () => BUILT_OUTPUTS.filter((file) => !existsSync(repoPath(file)))
  if (missing().length > 0) {
    const result = spawnSync(...pnpmCommand(['-r', '--if-present', 'build']), { cwd: repoRoot, encoding: 'utf8', stdio: 'pipe', timeout: 600_000 })
    const still = missing()
    if (result.status !== 0 || still.length > 0) {
      throw new Error([
        'The e2e tests run the built services, and building them failed.',
        `Run \`npx -y pnpm@10 build\` from ${repoRoot} and retry.`,
        still.length > 0 ? `Missing: ${still.join(', ')}` : '',
        `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().slice(-4000),
      ].filter(Boolean).join('\n'))
    }
  }
  const notes: string[] = []
  for (const service of ['auth-service', 'records-service']) {
    const src = newestMtime(repoPath('services', service, 'src'))
    const built = statSync(repoPath('services', service, 'dist', 'server.js')).mtimeMs
    if (src > built) notes.push(`services/${service}/src changed after its last build; these tests run dist/ (run \`pnpm build\`)`)
  }
  return notes
}

/** A fresh temporary directory, removed when the test ends. */
export function tempDir (t: { teardown (fn: () => unknown): void }, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `rekam-e2e-${prefix}-`))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}
