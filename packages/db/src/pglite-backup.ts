import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { StartupError } from '@rekam/errors'
import { claimDataFolder } from './pglite-lock.js'
import { sizeOf } from './postgres-backup.js'

const holdsDatabase = (dir: string) => existsSync(`${dir}/PG_VERSION`)
const isEmpty = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0

/**
 * The embedded database's data folder as PGlite's own tarball (dumpDataDir, gzip), taken while
 * this process holds the folder: a service using it refuses to start meanwhile, and a backup
 * refuses while a service runs.
 */
export async function backupPglite (dir: string, file: string): Promise<string> {
  if (!holdsDatabase(dir)) throw new StartupError(`there is no embedded database in ${dir} to back up (DATA_DIR; set DATABASE_URL for PostgreSQL)`)
  const release = claimDataFolder(dir)
  try {
    const db = new PGlite(dir)
    try {
      const tarball = await db.dumpDataDir('gzip')
      const partial = `${file}.partial`
      writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()))
      renameSync(partial, file)
    } finally {
      await db.close()
    }
  } finally {
    release()
  }
  return `backed up the embedded database in ${dir} to ${file} (${sizeOf(file)}, PGlite data folder tarball)`
}

/**
 * A tarball from backupPglite becomes the data folder. A folder that already holds a database is
 * refused unless `force`; then it is kept beside, renamed, rather than deleted.
 */
export async function restorePglite (dir: string, file: string, force: boolean): Promise<string> {
  const bytes = readFileSync(file)
  // gzip's magic number; a pg_dump custom archive starts with PGDMP instead.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    const hint = bytes.subarray(0, 5).toString('latin1') === 'PGDMP' ? ': it is a pg_dump backup; restore it with DATABASE_URL set' : ''
    throw new StartupError(`${file} is not an embedded-database (PGlite) backup${hint}`)
  }
  if (!isEmpty(dir) && !force) {
    throw new StartupError(`${dir} already holds an embedded database; restore into an empty DATA_DIR, or add --force to replace it (the current one is kept beside it)`)
  }
  const release = claimDataFolder(dir)
  let kept: string | undefined
  try {
    if (!isEmpty(dir)) {
      kept = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
      renameSync(dir, kept)
    }
    try {
      const db = new PGlite(dir, { loadDataDir: new Blob([bytes]) })
      try {
        await db.query('select 1')
      } finally {
        await db.close()
      }
    } catch (err) {
      rmSync(dir, { recursive: true, force: true })
      if (kept) renameSync(kept, dir)
      throw new StartupError(`${file} could not be restored, nothing was changed: ${(err as Error).message}`)
    }
  } finally {
    release()
  }
  return `restored ${file} into the embedded database in ${dir}${kept ? ` (the one it replaced is kept in ${kept})` : ''}`
}
