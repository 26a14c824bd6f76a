import postgres from 'postgres'

/** The server the bench creates its databases on: BENCH_DATABASE_URL, DATABASE_URL, or the local one. */
export function adminUrl (): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
}

export function databaseUrl (name: string, base = adminUrl()): string {
  const url = new URL(base)
  url.pathname = `/${name}`
  return url.toString()
}

/** A client for bulk work: the loader sends large multi-row inserts over a few connections. */
export function connect (url: string, max = 4): postgres.Sql {
  return postgres(url, { max, connect_timeout: 10, onnotice: () => {} })
}

export interface BenchDatabases {
  auth: string
  records: string
  /** Drops both (after the services using them have stopped). */
  drop (): Promise<void>
}

/**
 * Fresh, empty databases `<prefix>_auth` and `<prefix>_records`: a left-over pair from an
 * interrupted run is dropped first. The services migrate them when they start.
 */
export async function createBenchDatabases (prefix: string): Promise<BenchDatabases> {
  const names = { auth: `${prefix}_auth`, records: `${prefix}_records` }
  const admin = connect(adminUrl(), 1)
  try {
    for (const name of Object.values(names)) {
      await admin.unsafe(`drop database if exists "${name}" with (force)`)
      await admin.unsafe(`create database "${name}"`)
    }
  } finally {
    await admin.end({ timeout: 5 })
  }
  return {
    auth: databaseUrl(names.auth),
    records: databaseUrl(names.records),
    async drop () {
      const sql = connect(adminUrl(), 1)
      try {
        for (const name of Object.values(names)) await sql.unsafe(`drop database if exists "${name}" with (force)`)
      } finally {
        await sql.end({ timeout: 5 })
      }
    },
  }
}
