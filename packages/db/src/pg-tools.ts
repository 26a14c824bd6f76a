import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { StartupError } from '@rekam/errors'

/** Where pg_dump and pg_restore are: PG_BIN_DIR when set, otherwise the PATH. */
export function pgTool (tool: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  return env.PG_BIN_DIR ? join(env.PG_BIN_DIR, tool) : tool
}

export interface ToolResult { code: number, stdout: string, stderr: string }

/** Runs a PostgreSQL client tool; a missing one is a StartupError that says what to install. */
export function runTool (command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => { stdout += chunk })
    child.stderr.on('data', (chunk) => { stderr += chunk })
    child.on('error', (err) => {
      reject((err as NodeJS.ErrnoException).code === 'ENOENT'
        ? new StartupError(`${command} was not found; install the PostgreSQL client tools (Debian/Ubuntu: postgresql-client) or set PG_BIN_DIR to their folder`)
        : err)
    })
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
}

/** The last line a tool wrote to stderr, for a one-line message. */
export function lastLine (text: string): string {
  return text.trim().split('\n').at(-1)?.replace(/^\S+: (error: )?/, '') ?? ''
}

/** The major version a client tool reports (`pg_dump (PostgreSQL) 15.20 ...` is 15). */
export async function toolMajor (command: string): Promise<number> {
  const { code, stdout, stderr } = await runTool(command, ['--version'])
  const major = /\(PostgreSQL\) (\d+)/.exec(stdout)?.[1]
  if (code !== 0 || !major) throw new StartupError(`${command} --version failed: ${lastLine(stderr || stdout)}`)
  return Number(major)
}

/**
 * pg_dump refuses a server newer than itself ("server version mismatch"): say so before it runs,
 * with the fix.
 */
export function checkDumpVersion (serverMajor: number, dumpMajor: number, where: string): void {
  if (dumpMajor >= serverMajor) return
  throw new StartupError(`PostgreSQL ${where} is version ${serverMajor} but pg_dump is version ${dumpMajor}, and pg_dump must be at least as new as the server: install the PostgreSQL ${serverMajor} client tools (Debian/Ubuntu: postgresql-client-${serverMajor}) and set PG_BIN_DIR to their folder (for example /usr/lib/postgresql/${serverMajor}/bin)`)
}

/**
 * A postgres:// URL as libpq takes it, without its password, which goes in PGPASSWORD instead:
 * a command line is visible to every user of the machine (`ps`), and tools echo it in errors.
 */
export function libpqTarget (url: string): { dbname: string, env: NodeJS.ProcessEnv } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} }
}
