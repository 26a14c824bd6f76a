import type { Schema } from './shapes.js'

/** A compiled schema check (TypeBox's TypeCompiler.Compile gives one). */
export interface Validator {
  Check (value: unknown): boolean
  Errors (value: unknown): Iterable<{ path: string, message: string }>
}

/** The schema with `additionalProperties: false` on every object: the envelope holds nothing else. */
export function strict<T extends object> (schema: T): T {
  const s = schema as Schema
  if (s.type !== 'object' || !s.properties) return schema
  const properties = Object.fromEntries(Object.entries<Schema>(s.properties).map(([k, v]) => [k, strict(v.type === 'array' ? { ...v, items: strict(v.items) } : v)]))
  return { ...schema, properties, additionalProperties: false }
}

export interface Reply {
  statusCode: number
  headers: Record<string, unknown>
  body: string
}

/**
 * Checks an answer against the success and error envelope schemas: the error code must be a
 * documented one with its own status, and the request id must be the one in `x-request-id`.
 */
export function envelopeCheck (success: Validator, error: Validator, statusOf: Record<string, number>) {
  const problems = (v: Validator, body: unknown) => [...v.Errors(body)].slice(0, 3).map((e) => `${e.path || '/'} ${e.message}`)
  return (res: Reply): string[] => {
    if (!String(res.headers['content-type']).startsWith('application/json')) return [`content-type ${String(res.headers['content-type'])}`]
    let body: any
    try {
      body = JSON.parse(res.body)
    } catch {
      return ['body is not JSON']
    }
    if (res.statusCode < 300) return success.Check(body) ? [] : problems(success, body)
    if (res.statusCode < 400) return ['a redirect from an API route']
    if (!error.Check(body)) return problems(error, body)
    const out: string[] = []
    if (statusOf[body.error.code] !== res.statusCode) out.push(`code ${body.error.code} with status ${res.statusCode}`)
    if (body.error.requestId !== res.headers['x-request-id']) out.push('requestId differs from x-request-id')
    return out
  }
}

export type Query = (text: string) => Promise<Array<Record<string, unknown>>>

/**
 * A fingerprint of every table in the database's public schema but the excluded ones (each
 * exclusion must name a real table): its row count and the newest row version's transaction id
 * (`xmin`). Any insert or update writes a row version with a newer transaction id, and any
 * delete lowers the count (a delete and an insert together bring a newer id), so every write
 * changes it, at the cost of one scan of `xmin` per table rather than hashing every row's text.
 */
export async function watchTables (query: Query, exclude: string[]) {
  const all = (await query("select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1"))
    .map((row) => String(row.name))
  const unknown = exclude.filter((name) => !all.includes(name))
  if (unknown.length) throw new Error(`excluded tables that do not exist: ${unknown.join(', ')}`)
  const tables = all.filter((name) => !exclude.includes(name))
  const columns = tables.map((name) => `(select count(*) || ':' || coalesce(max(xmin::text::bigint), 0) from "${name}") as "${name}"`)
  return {
    tables,
    async checksum (): Promise<Record<string, string>> {
      const [row] = await query(`select ${columns.join(', ')}`)
      return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, String(v)]))
    },
  }
}

/** Rows of a drizzle `execute` result, whichever driver ran it. */
export function rowsOf (result: unknown): Array<Record<string, unknown>> {
  return Array.isArray(result) ? result : (result as { rows: Array<Record<string, unknown>> }).rows
}
