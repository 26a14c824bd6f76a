import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { StartupError } from '@rekam/errors'

/** Where the launcher's portal comes from (PORTAL_DIR). */
export type PortalSetting =
  | { kind: 'off' }
  /** A build of the operator's own, served as it is. */
  | { kind: 'folder', dir: string }
  /** The checkout's portal package, built first when its build is missing or stale. */
  | { kind: 'package', packageDir: string, distDir: string }
  /** No portal in this checkout. */
  | { kind: 'none' }

/**
 * PORTAL_DIR: unset, the checkout's services/portal (its dist, built when needed); `off`, no
 * portal (the index page at `/`); a folder (relative ones from the checkout's root), served as it
 * is, which must hold an index.html.
 */
export function portalSetting (root: string, env: NodeJS.ProcessEnv = process.env): PortalSetting {
  const value = env.PORTAL_DIR
  if (value === 'off') return { kind: 'off' }
  if (value) {
    const dir = resolve(root, value)
    if (!existsSync(join(dir, 'index.html'))) throw new StartupError(`PORTAL_DIR=${value} has no index.html; point it at a portal build, or set PORTAL_DIR=off`)
    return { kind: 'folder', dir }
  }
  const packageDir = join(root, 'services', 'portal')
  if (!existsSync(join(packageDir, 'package.json'))) return { kind: 'none' }
  return { kind: 'package', packageDir, distDir: join(packageDir, 'dist') }
}

/** Not sources: installed packages, builds, tests, dot folders (caches). */
const SKIPPED = new Set(['node_modules', 'dist', 'dist-test', 'test'])

function newestFile (dir: string): { path: string, mtimeMs: number } | undefined {
  let newest: { path: string, mtimeMs: number } | undefined
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue
    const path = join(dir, entry.name)
    const found = entry.isDirectory() ? newestFile(path) : entry.isFile() ? { path, mtimeMs: statSync(path).mtimeMs } : undefined
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found
  }
  return newest
}

/** The folders of the workspace packages the portal runs with (its `workspace:` dependencies). */
function workspaceDependencies (root: string, packageDir: string): string[] {
  const { dependencies = {} } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
  const wanted = new Set(Object.entries(dependencies).filter(([, version]) => version.startsWith('workspace:')).map(([name]) => name))
  if (wanted.size === 0) return []
  return ['packages', 'services'].flatMap((group) => existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(root, group, name)) : [])
    .filter((dir) => {
      try {
        return wanted.has((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name ?? '')
      } catch {
        return false
      }
    })
}

/**
 * Why the portal's build must be made again, or undefined when it is current: no index.html yet,
 * or a source of the portal (or of a workspace package it runs with) changed since (a pull, an
 * edit), so that `pnpm start` never serves an old portal without saying so.
 */
export function staleReason (root: string, packageDir: string, distDir: string): string | undefined {
  const index = join(distDir, 'index.html')
  if (!existsSync(index)) return 'no build yet'
  const built = statSync(index).mtimeMs
  for (const dir of [packageDir, ...workspaceDependencies(root, packageDir)]) {
    const newest = newestFile(dir)
    if (newest && newest.mtimeMs > built) return `${relative(root, newest.path)} changed since the last build`
  }
  return undefined
}

/**
 * The portal package's own `build` script, its output in `logFile`: with the package manager
 * that runs the launcher (npm_execpath: pnpm under `pnpm start`), else npm. Resolves with the
 * exit code.
 */
export function runBuildScript (packageDir: string, logFile: string, onStart?: (child: ChildProcess) => void): Promise<number | null> {
  const log = openSync(logFile, 'w')
  const manager = process.env.npm_execpath
  const [command, args] = manager && /(^|[/\\])(pnpm|npm-cli)\.c?js$/.test(manager) ? [process.execPath, [manager, 'run', 'build']] : ['npm', ['run', 'build']]
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: packageDir, stdio: ['ignore', log, log], shell: process.platform === 'win32' })
    onStart?.(child)
    child.once('error', () => { closeSync(log); resolve(null) })
    child.once('exit', (code) => { closeSync(log); resolve(code) })
  })
}

export interface PreparePortalOptions {
  root: string
  /** Where the build's log goes (portal-build.log). */
  dataDir: string
  /** Prints one line (the launcher's stdout). */
  say: (line: string) => void
  onBuild?: (child: ChildProcess) => void
}

/**
 * The folder to serve at `/`, or undefined for none: the checkout's portal is built first when it
 * has no build or an old one (one line says so; the build's output goes to a log file). A failed
 * build says where its log is, and the previous build, if any, is served.
 */
export async function preparePortal (setting: PortalSetting, opts: PreparePortalOptions): Promise<string | undefined> {
  if (setting.kind === 'folder') return setting.dir
  if (setting.kind !== 'package') return undefined
  const reason = staleReason(opts.root, setting.packageDir, setting.distDir)
  if (!reason) return setting.distDir
  const logFile = join(opts.dataDir, 'portal-build.log')
  opts.say(`rekam: building the portal (${reason}); output in ${logFile}`)
  const code = await runBuildScript(setting.packageDir, logFile, opts.onBuild)
  const built = existsSync(join(setting.distDir, 'index.html'))
  if (code === 0 && built) return setting.distDir
  opts.say(`rekam: the portal build failed (see ${logFile}); ${built ? 'serving the previous build' : 'serving the API only'}. Fix it and start again.`)
  return built ? setting.distDir : undefined
}
