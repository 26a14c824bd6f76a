import type postgres from 'postgres'
import { accessLogPage, recordById, recordsCount, recordsPage, textOf } from './queries.js'

/** Tables whose rows grow without bound: reading them must never scan them whole. */
export const GROWING_TABLES = ['medical_records', 'record_access_log']

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
 * EXPLAIN (FORMAT JSON) of records-service's record queries (src/queries.ts) for a given record and
 * patient, each planned for its values and as a generic plan (plan_cache_mode), as the service's
 * prepared statements may be after a few runs.
 */
export async function checkPlans (sql: postgres.Sql, sample: { recordId: string, patientId: string }): Promise<PlanCheck[]> {
  const queries: Array<[string, string, Array<string | number>]> = [
    ['record by id', recordById(textOf, sample.recordId), [sample.recordId, 1]],
    ['"my records" page', recordsPage(textOf, sample.patientId), [sample.patientId, 20]],
    ['"my records" count', recordsCount(textOf, sample.patientId), [sample.patientId]],
    ['access log page', accessLogPage(textOf, sample.recordId), [sample.recordId, 20]],
  ]
  const literal = (value: string | number) => {
    if (typeof value === 'number') return String(Math.trunc(value))
    if (!/^[0-9a-f-]{36}$/i.test(value)) throw new Error(`not a uuid: ${value}`)
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
