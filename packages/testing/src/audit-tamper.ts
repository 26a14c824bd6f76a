import { createHmac, randomBytes } from 'node:crypto'
import postgres from 'postgres'

/** What a test needs from tap's `t`. */
interface Tap {
  teardown (fn: () => unknown): void
  match (found: unknown, pattern: unknown, message: string): unknown
  equal (found: unknown, wanted: unknown, message: string): unknown
}

/** The error a statement fails with (null when it succeeds), for t.match. */
const failureOf = (statement: Promise<unknown>) => statement.then(() => null, (err: unknown) => err)

/** One trail of a verify answer (`data.trails[]` of GET …/audit/verify). */
export interface TrailAnswer {
  trail: string
  seals: number
  firstMismatch: null | { rowId: string | null, sealId: string | null, problem: string, detail: string }
}

export interface TamperOptions {
  /** The service's test database (postgres://, as the superuser of the test server). */
  url: string
  /** The audit table under test (its rows have `id` and `request_id`). */
  table: string
  /** GET …/audit/verify as an admin: the answer's trails. */
  verify: () => Promise<TrailAnswer[]>
  /** The service's documented grant (db:grant) for a role. */
  grant: (role: string) => Promise<void>
}

/**
 * What a superuser (bypassing the triggers with session_replication_role = replica) can do to a
 * sealed trail, and what verification must say each time; then the service's role and the
 * owner, refused. The trail must have at least two seals; it is restored after each change
 * except the last (a deleted seal).
 */
export async function checkTamperEvidence (t: Tap, options: TamperOptions): Promise<void> {
  const { table } = options
  const su = postgres(options.url, { max: 1, onnotice: () => {} })
  t.teardown(() => su.end({ timeout: 1 }))
  const replica = <T>(fn: (sql: postgres.TransactionSql) => Promise<T>) => su.begin(async (sql) => {
    await sql`set local session_replication_role = replica`
    return fn(sql)
  }) as Promise<T>
  const mismatch = async () => (await options.verify()).find((trail) => trail.trail === table)?.firstMismatch ?? null

  t.equal(await mismatch(), null, `${table}: intact before`)
  const [first, second] = await su`select id::text, seal_hash, mac, merkle_root from audit_seals where trail = ${table} order by seq limit 2`
  if (!first || !second) throw new Error(`${table} needs two seals for this check`)
  const [member] = await su`select l.id::text as id, row_to_json(l)::text as original
    from audit_seals s cross join lateral unnest(s.member_ids) as m(row_id) join ${su(table)} l on l.id = m.row_id
   where s.id = ${first.id} order by m.row_id limit 1`
  const rowId = member!.id as string

  // A sealed row edited: ALTERED, naming the row.
  await replica((sql) => sql`update ${sql(table)} set request_id = 'edited' where id = ${rowId}`)
  t.match(await mismatch(), { rowId, sealId: first.id, problem: 'ALTERED', detail: String }, 'an edited row is named')
  await replica((sql) => sql`delete from ${sql(table)} where id = ${rowId}`)
  t.match(await mismatch(), { rowId, sealId: first.id, problem: 'MISSING', detail: String }, 'a deleted row is named')
  await replica((sql) => sql`insert into ${sql(table)} select * from json_populate_record(null::${sql(table)}, ${member!.original}::text::json)`)
  t.equal(await mismatch(), null, 'the row put back: intact again')

  // A seal edited without its hash, then re-MACed under a guessed key.
  await replica((sql) => sql`update audit_seals set merkle_root = ${'0'.repeat(64)} where id = ${first.id}`)
  t.match(await mismatch(), { rowId: null, sealId: first.id, problem: 'SEAL_ALTERED' }, 'an edited seal')
  await replica((sql) => sql`update audit_seals set merkle_root = ${first.merkle_root}, mac = ${createHmac('sha256', 'guessed').update(first.seal_hash).digest('hex')} where id = ${first.id}`)
  t.match(await mismatch(), { rowId: null, sealId: first.id, problem: 'MAC_INVALID' }, 'a seal MACed without the service\'s key')
  await replica((sql) => sql`update audit_seals set mac = ${first.mac} where id = ${first.id}`)
  t.equal(await mismatch(), null, 'the seal put back: intact again')

  await checkRoles(t, su, options, rowId)

  // A whole seal removed: the chain breaks at the next one.
  await replica((sql) => sql`delete from audit_seals where id = ${first.id}`)
  t.match(await mismatch(), { rowId: null, sealId: second.id, problem: 'CHAIN_BROKEN' }, 'a removed seal breaks the chain')
}

/** The service's role may not UPDATE or DELETE the trail (42501); its owner is refused by the trigger. */
async function checkRoles (t: Tap, su: postgres.Sql, options: TamperOptions, rowId: string): Promise<void> {
  const { table } = options
  const suffix = randomBytes(4).toString('hex')
  const app = `rekam_app_${suffix}`
  const owner = `rekam_owner_${suffix}`
  const password = randomBytes(12).toString('hex')
  const connect = (role: string) => {
    const url = new URL(options.url)
    url.username = role
    url.password = password
    return postgres(url.toString(), { max: 1, onnotice: () => {} })
  }
  // Role names and the password are generated hex: nothing to quote.
  await su.unsafe(`create role "${app}" login password '${password}'`)
  await su.unsafe(`create role "${owner}" login password '${password}'`)
  const [{ current_user: superuser }] = await su`select current_user` as unknown as [{ current_user: string }]
  try {
    await options.grant(app)
    const asApp = connect(app)
    try {
      const [{ n }] = await asApp`select count(*)::int as n from ${asApp(table)} where id = ${rowId}` as unknown as [{ n: number }]
      t.equal(n, 1, 'the service\'s role reads the trail')
      t.match(await failureOf(asApp`update ${asApp(table)} set request_id = 'x' where id = ${rowId}`), { code: '42501', message: /permission denied/ }, 'the service\'s role may not update')
      t.match(await failureOf(asApp`delete from ${asApp(table)} where id = ${rowId}`), { code: '42501', message: /permission denied/ }, 'nor delete')
    } finally {
      await asApp.end({ timeout: 1 })
    }
    await su.unsafe(`alter table "${table}" owner to "${owner}"`)
    const asOwner = connect(owner)
    try {
      t.match(await failureOf(asOwner`update ${asOwner(table)} set request_id = 'x' where id = ${rowId}`), { message: /is an audit trail: its rows are never updated or deleted \(UPDATE refused\)/ }, 'the owner\'s update: refused by the trigger')
      t.match(await failureOf(asOwner`delete from ${asOwner(table)} where id = ${rowId}`), { message: /\(DELETE refused\)/ }, 'the owner\'s delete too')
      t.match(await failureOf(asOwner`truncate ${asOwner(table)}`), { message: /\(TRUNCATE refused\)|foreign key/ }, 'and truncate (or a foreign key forbids it first)')
    } finally {
      await asOwner.end({ timeout: 1 })
    }
  } finally {
    await su.unsafe(`alter table "${table}" owner to "${superuser}"`)
    await su.unsafe(`drop owned by "${app}", "${owner}"`)
    await su.unsafe(`drop role "${app}"`)
    await su.unsafe(`drop role "${owner}"`)
  }
}
