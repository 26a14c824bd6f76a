/**
 * Migrated template databases: a test database made with `create database x template t` holds a
 * service's whole schema at once, and the service's own migration at start finds nothing to do.
 * Migrating an empty database costs a few tenths of a CPU-second (PostgreSQL's and the client's)
 * and up to a second of waiting on commits; the suite makes some hundreds of them.
 *
 * A template is named after its service and a hash of what it holds (the service's migrations
 * folder and the migration runner of @rekam/db), so a changed migration makes a new one; it is
 * built once per PostgreSQL server, under an advisory lock, by the service's own migrate script,
 * and marked `is_template` only when complete. Templates of older migrations stay until dropped
 * by hand (`drop database rekam_template_...`): another checkout's test run may be using them.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type postgres from 'postgres'
import { repoPath, type ServiceName } from './e2e/repo.js'

export interface DatabaseTemplate {
  /** Part of the template's name: `rekam_template_<name>_<hash>`. */
  name: string
  /** Files whose contents decide what the template holds: its key. */
  sources: string[]
  /** Migrates the (empty) database at `url`. */
  migrate (url: string): Promise<void>
}

/** Every file below `dir`, sorted, as paths. */
function filesBelow (dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort()
}

/** A service's schema as its migrate script makes it: the build (what `pnpm test` runs) when there is one, else the source through tsx. */
export function serviceTemplate (service: ServiceName): DatabaseTemplate {
  const dir = repoPath('services', service)
  const built = join(dir, 'dist', 'scripts', 'migrate.js')
  const args = existsSync(built) ? [built] : ['--conditions=@rekam/source', '--import=tsx', join(dir, 'src', 'scripts', 'migrate.ts')]
  return {
    name: service.replace('-service', ''),
    sources: [...filesBelow(join(dir, 'migrations')), ...['create-database.ts', 'migration-history.ts'].map((f) => repoPath('packages', 'db', 'src', f))],
    async migrate (url) {
      await promisify(execFile)(process.execPath, args, {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: 'memory://', DATABASE_URL: url },
        timeout: 120_000,
      })
    },
  }
}

function templateName (template: DatabaseTemplate): string {
  const hash = createHash('sha256')
  for (const file of template.sources) hash.update(`${file.slice(repoPath().length)}\0`).update(readFileSync(file)).update('\0')
  return `rekam_template_${template.name}_${hash.digest('hex').slice(0, 16)}`
}

/** Per process: the name of each template once it exists. */
const ready = new Map<string, Promise<string>>()

/** The template's database name, built first if this server has none. `admin` is a one-connection client. */
export function templateDatabase (admin: postgres.Sql, template: DatabaseTemplate, urlOf: (name: string) => string): Promise<string> {
  const name = templateName(template)
  let made = ready.get(name)
  if (!made) {
    made = build(admin, template, name, urlOf)
    ready.set(name, made)
    made.catch(() => ready.delete(name))
  }
  return made
}

async function build (admin: postgres.Sql, template: DatabaseTemplate, name: string, urlOf: (name: string) => string): Promise<string> {
  const complete = async () => (await admin`select 1 from pg_database where datname = ${name} and datistemplate`).length > 0
  if (await complete()) return name
  await admin`select pg_advisory_lock(hashtext(${name}))`
  try {
    if (await complete()) return name
    // A build that died half-way left a database that is not marked: made again.
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.unsafe(`create database "${name}"`)
    await template.migrate(urlOf(name))
    await admin.unsafe(`alter database "${name}" with is_template true`)
    return name
  } finally {
    await admin`select pg_advisory_unlock(hashtext(${name}))`
  }
}
