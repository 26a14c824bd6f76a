import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../create-database.js'

/** The seal tables: audit tables of every service that seals. */
export const SEAL_TABLES = ['audit_seals'] as const

const ROLE_NAME = /^[a-z_][a-z0-9_$]{0,62}$/

/**
 * The statements that give a service's database role what it needs, run by the owner role after
 * every migration (README "Production database roles"): all DML on the ordinary tables of the
 * schema, only SELECT and INSERT on the audit tables, and the sequences. Idempotent.
 */
export function grantStatements (role: string, auditTables: readonly string[], schema = 'public'): SQL[] {
  if (!ROLE_NAME.test(role)) throw new Error(`not a plain role name: ${role}`)
  const r = sql.identifier(role)
  const s = sql.identifier(schema)
  const audit = sql.join(auditTables.map((table) => sql`${s}.${sql.identifier(table)}`), sql`, `)
  return [
    sql`grant usage on schema ${s} to ${r}`,
    sql`grant select, insert, update, delete on all tables in schema ${s} to ${r}`,
    sql`grant usage, select on all sequences in schema ${s} to ${r}`,
    sql`revoke update, delete, truncate on ${audit} from ${r}`,
  ]
}

/**
 * The `db:grant <role>` script of a service: runs grantStatements as the configured (owner) user,
 * in one transaction. PGlite has one user: nothing to grant there.
 */

export async function grantServiceRole (database: Database<any>, role: string, auditTables: readonly string[]): Promise<void> {
  if (database.kind === 'pglite') return
  const statements = grantStatements(role, auditTables)
  await database.db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(statement)
  })
}
