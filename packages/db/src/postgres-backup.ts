import { renameSync, rmSync, statSync } from 'node:fs'
import postgres from 'postgres'
import { StartupError } from '@rekam/errors'
import { checkDumpVersion, lastLine, libpqTarget, pgTool, runTool, toolMajor } from './pg-tools.js'
import { waitUntilReachable, whereIs } from './start-wait.js'

export interface PostgresBackupOptions {
  url: string
  /** The service's short name (`auth`): its migration history table tells its backups apart. */
  name: string
  /** Seconds to wait for PostgreSQL, as the service does at start (DB_START_TIMEOUT). */
  startTimeout: number
}

/** The server's major version, and how many tables of its own the database holds. */
async function inspect (url: string): Promise<{ major: number, tables: number }> {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} })
  try {
    const [version] = await sql<Array<{ num: string }>>`select current_setting('server_version_num') as num`
    const [count] = await sql<Array<{ tables: number }>>`
      select count(*)::int as tables from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
        and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`
    return { major: Math.floor(Number(version!.num) / 10_000), tables: count!.tables }
  } finally {
    await sql.end({ timeout: 0 })
  }
}

/**
 * pg_dump in its custom format (compressed, restored selectively by pg_restore), without owners
 * and grants so that it restores under any role on any server. Written beside the file first:
 * a failed dump never replaces a good one.
 */
export async function backupPostgres (opts: PostgresBackupOptions, file: string): Promise<string> {
  const where = whereIs(opts.url)
  await waitUntilReachable(opts.url, opts.startTimeout)
  const dump = pgTool('pg_dump')
  const [{ major }, dumpMajor] = await Promise.all([inspect(opts.url), toolMajor(dump)])
  checkDumpVersion(major, dumpMajor, where)
  const target = libpqTarget(opts.url)
  const partial = `${file}.partial`
  const result = await runTool(dump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${target.dbname}`], target.env)
  if (result.code !== 0) {
    rmSync(partial, { force: true })
    throw new StartupError(`pg_dump of PostgreSQL ${where} failed: ${lastLine(result.stderr)}`)
  }
  renameSync(partial, file)
  return `backed up PostgreSQL ${where} (server ${major}, pg_dump ${dumpMajor}) to ${file} (${sizeOf(file)}, pg_dump custom format)`
}

/** Which service's database an archive holds, from the migration history tables it lists. */
function servicesIn (listing: string): string[] {
  return [...listing.matchAll(/ TABLE drizzle (\w+)_migrations /g)].map((m) => m[1]!)
}

/**
 * pg_restore into the service's database, in one transaction (a failure leaves it as it was).
 * A database that already holds tables is refused unless `force`, which drops what the backup
 * holds before restoring it (--clean).
 */
export async function restorePostgres (opts: PostgresBackupOptions & { force: boolean }, file: string): Promise<string> {
  const where = whereIs(opts.url)
  const restore = pgTool('pg_restore')
  const listing = await runTool(restore, ['--list', file])
  if (listing.code !== 0) {
    const reason = lastLine(listing.stderr)
    if (/unsupported version/.test(reason)) {
      throw new StartupError(`${file} was made by a newer pg_dump than pg_restore ${await toolMajor(restore)} (${reason}): set PG_BIN_DIR to the client tools of that PostgreSQL version or newer`)
    }
    throw new StartupError(`${file} is not a pg_dump custom-format backup (${reason})`)
  }
  const services = servicesIn(listing.stdout)
  if (services.length > 0 && !services.includes(opts.name)) {
    throw new StartupError(`${file} is a backup of another service's database (${services.join(', ')}), not ${opts.name}; restore it with that service's db:restore`)
  }
  await waitUntilReachable(opts.url, opts.startTimeout)
  const { tables } = await inspect(opts.url)
  if (tables > 0 && !opts.force) {
    throw new StartupError(`PostgreSQL ${where} already holds ${tables} tables; restore into an empty database (DATABASE_URL), or add --force to replace what the backup holds`)
  }
  const target = libpqTarget(opts.url)
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', ...(tables > 0 ? ['--clean', '--if-exists'] : []), `--dbname=${target.dbname}`, file]
  const result = await runTool(restore, args, target.env)
  if (result.code !== 0) throw new StartupError(`pg_restore into PostgreSQL ${where} failed, nothing was changed: ${lastLine(result.stderr)}`)
  return `restored ${file} into PostgreSQL ${where}${tables > 0 ? ' (replacing what it held: --force)' : ''}`
}

export function sizeOf (file: string): string {
  const bytes = statSync(file).size
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}
