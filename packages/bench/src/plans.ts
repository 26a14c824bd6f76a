import type postgres from 'postgres'
import { recordStatements, type ServiceStatement } from '@rekam/records-service/statements'

/** Tables whose rows grow without bound: reading them must never scan them whole. */
export const GROWING_TABLES = ['medical_records', 'record_access_log', 'care_relationships']

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  Plans?: PlanNode[]
}

export interface PlanCheck {
  query: string
  /** `custom`: planned for the given values; `generic`: what a prepared statement may settle on. */
  mode: 'custom' | 'generic'
  /** Every scan in the plan, as "<node type> on <table> [using <index>]". */
  scans: string[]
  /** Seq Scans of the growing tables: none is the target. */
  seqScans: string[]
}

function scansOf (node: PlanNode): PlanNode[] {
  // A Bitmap Index Scan names only its index; its Bitmap Heap Scan parent names the table.
  const own = node['Relation Name'] || node['Index Name'] ? [node] : []
  return [...own, ...(node.Plans ?? []).flatMap(scansOf)]
}

/**
 * EXPLAIN (FORMAT JSON) of records-service's own record statements (`@rekam/records-service/
 * statements`) for a given record and its patient's user, each planned for its values and as a
 * generic plan (plan_cache_mode), as the service's prepared statements may be after a few runs.
 * EXPLAIN without ANALYZE runs nothing: the audited statements write no READ row here.
 */
export async function checkPlans (sql: postgres.Sql, sample: { recordId: string, userId: string, doctorUserId: string }): Promise<PlanCheck[]> {
  const actor = { userId: sample.userId, role: 'PATIENT', requestId: 'bench-plan' }
  const doctor = { userId: sample.doctorUserId, role: 'DOCTOR', requestId: 'bench-plan' }
  const planned = <V extends Record<string, unknown>>(query: string, statement: ServiceStatement<V>, values: V) =>
    [query, statement.text, statement.params(values) as Array<string | number>] as const
  const queries = [
    planned('record read and its READ row', recordStatements.readAndLog, { id: sample.recordId, now: new Date().toISOString(), ...actor }),
    // A doctor's read runs the care check (care_relationships, emergency_access) in the same statement.
    planned('record read and its READ row, as a doctor', recordStatements.readAndLog, { id: sample.recordId, now: new Date().toISOString(), ...doctor }),
    planned('"my records" page, total and READ rows', recordStatements.ownListAndLog, { ownerUserId: sample.userId, limit: 20, offset: 0, now: new Date().toISOString(), ...actor }),
    planned('record by id', recordStatements.recordById, { id: sample.recordId }),
    planned('access log page', recordStatements.accessLogPage, { recordId: sample.recordId, limit: 20, offset: 0 }),
  ]
  const literal = (value: string | number) => {
    if (typeof value === 'number') return String(Math.trunc(value))
    // uuids, plain words and ISO 8601 times: nothing that needs quoting.
    if (!/^[0-9a-z_:.-]+$/i.test(value)) throw new Error(`not a uuid, a plain word or a time: ${value}`)
    return `'${value}'`
  }
  return sql.begin(async (tx) => {
    const checks: PlanCheck[] = []
    for (const [i, [query, text, params]] of queries.entries()) {
      // PREPARE and EXPLAIN EXECUTE: plan_cache_mode then decides between the two plans.
      await tx.unsafe(`prepare bench_plan_${i} as ${text}`)
      for (const mode of ['custom', 'generic'] as const) {
        await tx.unsafe(`set local plan_cache_mode = ${mode === 'generic' ? 'force_generic_plan' : 'force_custom_plan'}`)
        const [row] = await tx.unsafe<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(`explain (format json) execute bench_plan_${i}(${params.map(literal).join(', ')})`)
        const scans = scansOf(row!['QUERY PLAN'][0]!.Plan)
        checks.push({
          query,
          mode,
          scans: scans.map((s) => `${s['Node Type']}${s['Relation Name'] ? ` on ${s['Relation Name']}` : ''}${s['Index Name'] ? ` using ${s['Index Name']}` : ''}`),
          seqScans: scans.filter((s) => s['Node Type'] === 'Seq Scan' && GROWING_TABLES.includes(s['Relation Name']!)).map((s) => `Seq Scan on ${s['Relation Name']}`),
        })
      }
      await tx.unsafe(`deallocate bench_plan_${i}`)
    }
    return checks
  })
}
