/** The processes below a process, their groups and whether they still run (Linux/macOS). */
import { execFileSync } from 'node:child_process'

/** Ids of the direct children of a process (Linux/macOS `pgrep -P`; empty when unavailable). */
export function childPids (pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number)
  } catch {
    return []
  }
}

/** Every process below one, children first. */
export function descendants (pid: number): number[] {
  return childPids(pid).flatMap((child) => [child, ...descendants(child)])
}

/** The process group of a process (undefined once it has gone). */
export function groupOf (pid: number): number | undefined {
  try {
    return Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim())
  } catch {
    return undefined
  }
}

/** Whether a process still runs (signal 0 reaches it). */
export function alive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
