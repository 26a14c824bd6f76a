/**
 * Running a service's own package.json scripts (db:backup, db:restore, db:migrate, ...) and other
 * commands as a person would, with only the environment a test gives them.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Test } from 'tap'
import { baseEnv, repoPath, type ServiceName } from '@rekam/testing/e2e'

export interface Run { code: number, stdout: string, stderr: string }

/** A command's exit code and output (never a rejection: a failing command is a result). */
export function run (command: string, args: string[], opts: { cwd?: string, env: Record<string, string> }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: opts.cwd, env: { ...baseEnv(), ...opts.env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr })
    })
  })
}

/** A service's package.json script (`node <flags> src/scripts/x.ts <args>`), with extra arguments. */
export function runScript (service: ServiceName, script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const dir = repoPath('services', service)
  const { scripts } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const [command, ...rest] = scripts[script]!.split(/\s+/)
  if (command !== 'node') throw new Error(`${service} ${script}: not a node command`)
  return run(process.execPath, [...rest, ...args], { cwd: dir, env })
}

/** The command printed one line and nothing else: no stack, no password. */
export function oneLine (t: Test, result: Run, stream: 'stdout' | 'stderr', pattern: RegExp) {
  const lines = result[stream].trim().split('\n')
  t.equal(lines.length, 1, `one line on ${stream}: ${result[stream].trim()}`)
  t.match(lines[0], pattern)
  t.equal(result[stream === 'stdout' ? 'stderr' : 'stdout'].trim(), '', `nothing on the other stream (${result.stderr.trim()})`)
}
