import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { templateDatabase, type DatabaseTemplate } from './database-template.js'

/** What a test needs from its runner: tap's `t` fits. */
export interface Teardown {
  teardown (fn: () => unknown): void
}

export interface TestDatabase {
  /** postgres:// URL of a fresh, empty database; undefined means embedded PGlite in memory. */
  url: string | undefined
  dataDir: string
  kind: 'postgres' | 'pglite'
}

const adminUrl = () => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/**
 * `REKAM_TEST_DB`: `postgres` requires PostgreSQL (CI sets it, so a missing server fails the run
 * instead of silently testing PGlite), `pglite` forces PGlite, unset tries PostgreSQL first.
 */
export function testDatabaseMode (): 'postgres' | 'pglite' | 'auto' {
  const mode = process.env.REKAM_TEST_DB
  return mode === 'postgres' || mode === 'pglite' ? mode : 'auto'
}

let warned = false

const urlOf = (name: string) => {
  const url = new URL(adminUrl())
  url.pathname = `/${name}`
  return url.toString()
}

/**
 * A fresh database for one test file, dropped when the test ends: empty, or with `template` a copy
 * of that template (a service's migrated schema, see database-template.ts). PGlite is always empty.
 */
export async function createTestDatabase (t: Teardown, kind?: 'postgres' | 'pglite', template?: DatabaseTemplate): Promise<TestDatabase> {
  const mode = kind ?? testDatabaseMode()
  if (mode === 'pglite') return { url: undefined, dataDir: 'memory://', kind: 'pglite' }

  const admin = postgres(adminUrl(), { max: 1, connect_timeout: 3, onnotice: () => {} })
  const name = `rekam_test_${randomBytes(6).toString('hex')}`
  try {
    const from = template ? ` template "${await templateDatabase(admin, template, urlOf)}"` : ''
    await admin.unsafe(`create database "${name}"${from}`)
  } catch (err) {
    await admin.end({ timeout: 1 })
    if (mode === 'postgres') throw new Error(`PostgreSQL is required for this test run (REKAM_TEST_DB=postgres) but is not usable: ${(err as Error).message}`)
    if (!warned) {
      warned = true
      process.emitWarning('PostgreSQL is not reachable; tests run on embedded PGlite instead')
    }
    return { url: undefined, dataDir: 'memory://', kind: 'pglite' }
  }
  t.teardown(async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.end({ timeout: 1 })
  })
  return { url: urlOf(name), dataDir: 'memory://', kind: 'postgres' }
}
