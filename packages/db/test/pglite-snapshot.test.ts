import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { sql } from 'drizzle-orm'
import t, { type Test } from 'tap'
import type { Database } from '../src/create-database.js'
import { widgets, INIT, ADD_COLOR, tempDir, writeMigrations, open, appliedCount, type schema } from './database-fixture.js'

/** XDG_CACHE_HOME for one test: where the copy of a fresh database is kept (src/pglite-snapshot.ts). */
function cacheHome (t: Test, dir: string): string {
  const before = process.env.XDG_CACHE_HOME
  process.env.XDG_CACHE_HOME = dir
  t.teardown(() => {
    if (before === undefined) delete process.env.XDG_CACHE_HOME
    else process.env.XDG_CACHE_HOME = before
  })
  return join(dir, 'rekam')
}

/** initdb gives every cluster its own identifier: equal ones mean one is a copy of the other. */
async function systemIdentifier (database: Database<typeof schema>): Promise<string> {
  const rows = await database.db.execute<{ id: string }>(sql`select system_identifier::text as id from pg_control_system()`)
  return (rows as unknown as { rows: Array<{ id: string }> }).rows[0]!.id
}

const file = t
const copies = (dir: string) => existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.tar.gz')).sort() : []
const kindOf = (file: string) => file.endsWith('-initdb.tar.gz') ? 'initdb' : /-default-[0-9a-f]{16}\.tar\.gz$/.test(file) ? 'migrated' : file
const kinds = (dir: string) => copies(dir).map(kindOf).sort()
const copyOf = (dir: string, kind: string) => join(dir, copies(dir).find((f) => kindOf(f) === kind)!)

/** The first test's copies and cluster, which the later tests start from (initdb once for the file). */
let made: { cache: string, systemIdentifier: string } | undefined
// (Its last migrated copy is of the migrations INIT and ADD_COLOR.)
function cacheWithCopies (t: Test): string {
  if (!made) throw new Error('the first test made no copies')
  const cache = cacheHome(t, tempDir(t, 'rekam-db-cache-'))
  mkdirSync(cache, { recursive: true })
  for (const file of copies(made.cache)) copyFileSync(join(made.cache, file), join(cache, file))
  return cache
}

t.test('the first new database keeps copies of its fresh and its migrated cluster; later ones start from the migrated one', async (t) => {
  // Kept for the file: the later tests start from these copies.
  const cache = cacheHome(t, tempDir(file, 'rekam-db-cache-'))
  const migrationsFolder = writeMigrations(tempDir(t, 'rekam-db-migrations-'), [INIT])
  const data = tempDir(t, 'rekam-db-data-')

  const first = open(t, { dataDir: join(data, 'first'), migrationsFolder })
  await first.migrate()
  t.strictSame(kinds(cache), ['initdb', 'migrated'], 'both copies are kept in the cache folder')
  await first.db.insert(widgets).values({ name: 'gear' })

  for (const dataDir of [join(data, 'second'), 'memory://']) {
    const next = open(t, { dataDir, migrationsFolder })
    await next.migrate()
    t.equal(await systemIdentifier(next), await systemIdentifier(first), `${dataDir === 'memory://' ? 'in memory' : 'a folder'}: the same cluster, copied`)
    t.equal(await appliedCount(next), 1, 'migrated, and only once')
    t.strictSame(await next.db.select({ name: widgets.name }).from(widgets), [], 'none of the first database\'s rows: the copy was taken right after its migrations')
    await next.close()
  }

  const changed = writeMigrations(tempDir(t, 'rekam-db-migrations-'), [INIT, ADD_COLOR])
  const third = open(t, { dataDir: join(data, 'third'), migrationsFolder: changed })
  await third.migrate()
  t.equal(await systemIdentifier(third), await systemIdentifier(first), 'other migrations: from the fresh cluster\'s copy')
  t.equal(await appliedCount(third), 2, 'with both migrations run')
  t.strictSame(kinds(cache), ['initdb', 'migrated'], 'whose migrated copy replaces the older one')
  made = { cache, systemIdentifier: await systemIdentifier(first) }
})

t.test('a damaged copy is dropped and made again', async (t) => {
  const cache = cacheWithCopies(t)
  const migrationsFolder = writeMigrations(tempDir(t, 'rekam-db-migrations-'), [INIT, ADD_COLOR])
  const sound = readFileSync(copyOf(cache, 'migrated'))
  writeFileSync(copyOf(cache, 'migrated'), sound.subarray(0, sound.length - 100))

  const next = open(t, { dataDir: join(tempDir(t, 'rekam-db-data-'), 'pglite'), migrationsFolder })
  await next.migrate()
  t.equal(await appliedCount(next), 2, 'the database starts from the fresh cluster\'s copy and migrates')
  t.equal(await systemIdentifier(next), made?.systemIdentifier, 'that copy')
  t.equal(gunzipSync(readFileSync(copyOf(cache, 'migrated'))).toString('latin1', 257, 262), 'ustar', 'and a sound migrated copy replaces the truncated one')
})

t.test('a copy PGlite refuses is dropped, with the folder it half wrote; the next start goes on without it', async (t) => {
  const cache = cacheWithCopies(t)
  const migrationsFolder = writeMigrations(tempDir(t, 'rekam-db-migrations-'), [INIT, ADD_COLOR])
  // A sound archive of a cluster of another major version (tar checks only its headers).
  const tar = gunzipSync(readFileSync(copyOf(cache, 'migrated')))
  let versions = 0
  for (let at = tar.indexOf('PG_VERSION\0'); at >= 0; at = tar.indexOf('PG_VERSION\0', at + 1)) {
    // The content follows its 512-byte header.
    tar.write('99', Math.floor(at / 512) * 512 + 512, 'latin1')
    versions++
  }
  t.ok(versions > 0, 'the copy holds PG_VERSION files')
  writeFileSync(copyOf(cache, 'migrated'), gzipSync(tar))

  const dataDir = join(tempDir(t, 'rekam-db-data-'), 'pglite')
  const refused = open(t, { dataDir, migrationsFolder })
  await t.rejects(refused.migrate())
  t.strictSame(kinds(cache), ['initdb'], 'the refused copy is gone')
  t.notOk(existsSync(dataDir), 'so is the folder it was loading into')

  const retry = open(t, { dataDir, migrationsFolder })
  await retry.migrate()
  t.equal(await appliedCount(retry), 2, 'the next start migrates the fresh cluster\'s copy')
  t.strictSame(kinds(cache), ['initdb', 'migrated'], 'and keeps a new migrated copy')
})

t.test('without a writable cache folder a database initialises itself', async (t) => {
  const blocker = join(tempDir(t, 'rekam-db-cache-'), 'a-file')
  writeFileSync(blocker, '')
  cacheHome(t, join(blocker, 'cache'))
  const migrationsFolder = writeMigrations(tempDir(t, 'rekam-db-migrations-'), [INIT])
  const alone = open(t, { dataDir: 'memory://', migrationsFolder })
  await alone.migrate()
  t.equal(await appliedCount(alone), 1)
  t.not(await systemIdentifier(alone), made?.systemIdentifier, 'a cluster of its own')
})
