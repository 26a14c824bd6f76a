/** admin:create as a child process, for its tests. */
import { spawn } from 'node:child_process'
import { repoPath, scriptArgs } from '@rekam/testing/e2e'
import { uniqueUser } from '../helper.js'

const serviceDir = repoPath('services', 'auth-service')
export const STRONG = 'velvet-harbor-quartz-19'

export interface Run { code: number | null, stdout: string, stderr: string }

/** `pnpm admin:create` as an operator runs it: a child process, its own environment, stdin piped. */
export function adminCreate (args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  const child = spawn(process.execPath, [...scriptArgs(import.meta.url, serviceDir, 'admin-create'), ...args], {
    cwd: serviceDir,
    // PATH etc. only: no setting of this test process leaks in.
    env: { PATH: process.env.PATH ?? '', BCRYPT_COST: '4', LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  child.stdin.end(stdin)
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

export const adminArgs = () => {
  const { username, email, fullName } = uniqueUser('root')
  return { username, email, args: ['--email', email, '--username', username, '--name', fullName] }
}
export const tokenOf = (url: string) => new URL(url.trim()).hash.slice('#token='.length)
