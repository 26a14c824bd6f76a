import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { StartupError } from '@rekam/errors'

/** Folders this process holds, with how many of its databases use each. */
const held = new Map<string, number>()

function alive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function holder (lockFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/**
 * Claims a PGlite data folder for this process. PGlite has no server to arbitrate: two processes
 * opening one folder (two launchers, a backup or restore under a running service) both write
 * its files and corrupt it. The claim is `<folder>.lock` beside the folder, holding the process
 * id; one left by a process that has ended is taken over. Throws a StartupError naming the
 * process that holds it; returns the release.
 */
export function claimDataFolder (dir: string): () => void {
  const lockFile = `${dir}.lock`
  const count = held.get(dir) ?? 0
  if (count === 0) {
    mkdirSync(dirname(dir), { recursive: true })
    for (;;) {
      try {
        writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' })
        break
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
        const pid = holder(lockFile)
        if (pid !== undefined && pid !== process.pid && alive(pid)) {
          throw new StartupError(`the embedded database in ${dir} is in use by process ${pid} (a running service or pnpm start); stop it first`)
        }
        rmSync(lockFile, { force: true })
      }
    }
  }
  held.set(dir, count + 1)
  let released = false
  return () => {
    if (released) return
    released = true
    const left = (held.get(dir) ?? 1) - 1
    if (left > 0) {
      held.set(dir, left)
      return
    }
    held.delete(dir)
    rmSync(lockFile, { force: true })
  }
}
