import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { constants, gunzipSync, gzipSync } from 'node:zlib'
import type { PGlite } from '@electric-sql/pglite'

/**
 * A new PGlite database starts from a copy. PGlite runs initdb in WebAssembly for every new data
 * folder (about 3 CPU-seconds on a 2-core VM), then the service migrates it; loading a tarball
 * of the result (`loadDataDir`, what restoring an embedded backup does) takes under one. A
 * service's start on a new folder costs about 1.5 CPU-seconds less. Two copies are kept, per user
 * and PGlite version, in the user's cache folder (XDG_CACHE_HOME, else ~/.cache, under `rekam/`):
 *
 * - the fresh cluster, as initdb left it;
 * - per service, the cluster once its migrations ran, before anything else was written, named by
 *   a hash of the migration files (a changed or added migration makes a new copy; the service's
 *   older copies are removed then).
 *
 * The first new database that finds none writes them. Without a writable cache folder each
 * database initialises and migrates itself, as PGlite does.
 */
export interface SnapshotFiles {
  initdb: string
  migrated: string
  /** The names of this service's migrated copies, of any migrations and PGlite version. */
  migratedFamily: RegExp
}

function pgliteVersion (): string | undefined {
  try {
    const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'))
    return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version?: string }).version
  } catch {
    return undefined
  }
}

function migrationsHash (folder: string): string {
  const hash = createHash('sha256')
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name)).sort()
  for (const file of files) hash.update(`${relative(folder, file)}\0`).update(readFileSync(file)).update('\0')
  return hash.digest('hex').slice(0, 16)
}

/** Where the two copies for these migrations are kept; undefined when that cannot be told. */
export function snapshotFiles (migrationsFolder: string, name = 'default'): SnapshotFiles | undefined {
  const version = pgliteVersion()
  if (!version) return undefined
  try {
    const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'rekam')
    return {
      initdb: join(dir, `pglite-${version}-initdb.tar.gz`),
      migrated: join(dir, `pglite-${version}-${name}-${migrationsHash(migrationsFolder)}.tar.gz`),
      migratedFamily: new RegExp(`^pglite-.+-${name}-[0-9a-f]{16}\\.tar\\.gz$`),
    }
  } catch {
    return undefined
  }
}

/**
 * The copy in `file`, if it is sound: gzip's checksum and length hold and it is a tar archive (a
 * copy that fails them is removed, to be made again). Returned as the plain tar.
 */
export function readSnapshot (file: string): Blob | undefined {
  if (!existsSync(file)) return undefined
  try {
    const tar = gunzipSync(readFileSync(file))
    if (tar.toString('latin1', 257, 262) !== 'ustar') throw new Error('not a tar archive')
    return new Blob([tar])
  } catch {
    forgetSnapshot(file)
    return undefined
  }
}

/**
 * Keeps `client`'s cluster as it is now in `file`. Best effort: a cache folder that cannot be
 * written leaves things as they were. A service's copy replaces its copies of other migrations.
 */
export async function saveSnapshot (client: PGlite, file: string, replaces?: RegExp): Promise<void> {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  } catch {
    return
  }
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.partial`
  try {
    // gzip's fastest level: a sixth of PGlite's own 'gzip' dump's CPU, and its checksum all the same.
    const tar = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer())
    writeFileSync(partial, gzipSync(tar, { level: constants.Z_BEST_SPEED }), { mode: 0o600 })
    renameSync(partial, file)
    if (replaces) {
      for (const old of readdirSync(dirname(file))) if (replaces.test(old) && join(dirname(file), old) !== file) forgetSnapshot(join(dirname(file), old))
    }
  } catch {
    forgetSnapshot(partial)
  }
}

/** Removes a copy (one PGlite could not load, or an outdated one). */
export function forgetSnapshot (file: string): void {
  try {
    rmSync(file, { force: true })
  } catch {}
}
