import { existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { StartupError } from '@rekam/errors'
import { embeddedFolder, type DatabaseConfig } from './from-config.js'
import { backupPglite, restorePglite } from './pglite-backup.js'
import { backupPostgres, restorePostgres } from './postgres-backup.js'

const USAGE = 'usage: db:backup --file <path> | db:restore --file <path> [--force]'

/**
 * `db:backup` and `db:restore` of one service (`backup`/`restore` and its arguments): PostgreSQL
 * (DATABASE_URL) through pg_dump and pg_restore, embedded PGlite through its data folder.
 * Returns the one line to print; an operator's mistake is a StartupError (one line, no stack).
 * A relative --file is taken from where pnpm was run (INIT_CWD), not the service's folder.
 */
export async function databaseTool (argv: string[], opts: { name: string, config: DatabaseConfig }): Promise<string> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { file: { type: 'string' }, force: { type: 'boolean', default: false } } })
  } catch (err) {
    throw new StartupError(`${(err as Error).message.split('. ')[0]}; ${USAGE}`)
  }
  const [action] = parsed.positionals
  const { file: given, force } = parsed.values
  if ((action !== 'backup' && action !== 'restore') || parsed.positionals.length > 1) throw new StartupError(USAGE)
  if (!given) throw new StartupError(`give the backup file with --file <path>; ${USAGE}`)
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), given)
  const { config, name } = opts
  if (action === 'backup') {
    mkdirSync(dirname(file), { recursive: true })
  } else if (!existsSync(file)) {
    throw new StartupError(`there is no backup at ${file} (--file)`)
  }
  if (config.DATABASE_URL) {
    const postgres = { url: config.DATABASE_URL, name, startTimeout: config.DB_START_TIMEOUT ?? 60 }
    return action === 'backup' ? backupPostgres(postgres, file) : restorePostgres({ ...postgres, force }, file)
  }
  const dir = embeddedFolder(config, name)
  if (dir === 'memory://') throw new StartupError('DATA_DIR=memory:// keeps nothing to back up or restore; set DATA_DIR or DATABASE_URL')
  return action === 'backup' ? backupPglite(dir, file) : restorePglite(dir, file, force)
}
