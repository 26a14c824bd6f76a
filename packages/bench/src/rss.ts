import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

function linuxRss (pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0)
  let children: number[] = []
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
  } catch {}
  return kib * 1024 + children.reduce((sum, c) => sum + linuxRss(c), 0)
}

/** Resident memory of a process and its children (nginx's workers), in bytes; undefined when unknown. */
export function rssOf (pid: number): number | undefined {
  try {
    if (process.platform === 'linux') return linuxRss(pid)
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024
  } catch {
    return undefined
  }
}

/** Bytes in MB (10^6 bytes, as the issue states its memory target), one decimal. */
export const mb = (bytes: number | undefined) => bytes === undefined ? undefined : Math.round(bytes / 1e5) / 10
