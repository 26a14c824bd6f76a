/**
 * The sealer on a busy trail: a run ends at its first batch that is not full (rows keep arriving
 * while it seals), and its scan is a hash anti-join, whatever the planner guesses of the sealed
 * ids' count.
 */
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import t, { type Test } from 'tap'
import { createTestDatabase } from '@rekam/testing'
import { createAuditSealer, rowsOf, type AuditTrail } from '../src/index.js'
import { pendingRowsSql, preferHashJoins } from '../src/audit-seal/sealer.js'

const trail: AuditTrail = { table: 'busy_log', id: 'id', at: 'at', columns: { id: 'text', at: 'timestamptz', note: 'text' } }
const SECRET = 'a service secret of at least thirty-two characters'

async function busyDatabase (t: Test) {
  const database = await createTestDatabase(t, 'postgres')
  const client = postgres(database.url!, { max: 2, onnotice: () => {} })
  t.teardown(() => client.end({ timeout: 1 }))
  await client.unsafe(`
    create table busy_log (id uuid primary key default gen_random_uuid(), at timestamptz not null default now(), note text);
    create index busy_log_at_idx on busy_log (at);
    create table audit_seals (id uuid primary key, trail text not null, seq integer not null, row_count integer not null,
      merkle_root text not null, previous_seal_hash text, seal_hash text not null, mac text not null,
      last_row_at timestamptz not null, created_at timestamptz not null, member_ids uuid[] not null, member_hashes text[] not null);
    create unique index audit_seals_trail_seq_key on audit_seals (trail, seq);
    create index audit_seals_trail_last_row_at_idx on audit_seals (trail, last_row_at);`)
  return { client, db: drizzle(client) }
}

t.test('a run ends at its first batch that is not full: rows arriving meanwhile wait for the next run', async (t) => {
  const { client, db } = await busyDatabase(t)
  await client`insert into busy_log (note) select 'before the run ' || g from generate_series(1, 3) g`
  // A row arrives with every seal (committed with it), as on a trail that is read without pause;
  // bounded, so the test ends even if a run chased them.
  await client.unsafe(`
    create function arrive () returns trigger language plpgsql as $$
    begin
      if (select count(*) from audit_seals) < 50 then insert into busy_log (note) values ('during the run'); end if;
      return null;
    end $$;
    create trigger arrive after insert on audit_seals for each row execute function arrive();`)
  let seals = 0
  const sealer = createAuditSealer({ db, trails: [trail], secret: SECRET, now: () => new Date('2026-12-07T06:00:00Z'), onSeal: () => { seals++ } })
  t.equal(await sealer.seal(), 3, 'the run sealed the three rows it found')
  t.equal(seals, 1, 'in one seal, and stopped')
  const [{ pending }] = await client<[{ pending: number }]>`select count(*)::int as pending from busy_log l
    where not exists (select 1 from audit_seals s where l.id = any(s.member_ids))`
  t.equal(pending, 1, 'the row that arrived meanwhile is pending')
})

t.test('the pending-rows scan is a hash anti-join against the sealed ids', async (t) => {
  const { client, db } = await busyDatabase(t)
  // Seals of 30,000 rows, and 30,000 newer rows (statistics taken before those), as on a busy trail.
  await client`insert into busy_log (at, note) select now() - interval '1 minute' + g * interval '1 millisecond', 'row ' || g from generate_series(1, 30000) g`
  await client`analyze busy_log`
  const sealer = createAuditSealer({ db, trails: [trail], secret: SECRET, now: () => new Date() })
  await sealer.seal()
  await client`insert into busy_log (at, note) select now() + g * interval '1 millisecond', 'later ' || g from generate_series(1, 30000) g`
  // Statistics from before the newest rows, as between two autovacuum runs of a busy table.
  const explain = (prefer: boolean) => db.transaction(async (tx) => {
    if (prefer) await preferHashJoins(tx)
    const plan = rowsOf<{ 'QUERY PLAN': string }>(await tx.execute(sql`explain ${pendingRowsSql(trail, sql`now() - interval '2 minutes'`)}`))
    return plan.map((line) => line['QUERY PLAN']).join('\n')
  })
  const plan = await explain(true)
  t.match(plan, /Hash Anti Join/, 'a hash anti-join')
  t.notMatch(plan, /Nested Loop/, 'no nested loop')
  t.comment(`left to itself the planner chooses: ${/Nested Loop Anti Join/.test(await explain(false)) ? 'a nested loop' : 'a hash join'}`)
})
