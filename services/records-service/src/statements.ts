/**
 * records-service's hot statements as PostgreSQL receives them, for the benchmark and its
 * query-plan test (the package's `./statements` export): the very SQL the repositories run,
 * built from the same functions, as text with $n placeholders and the values in their order.
 */
import { placeholders } from '@rekam/db'
import { fillPlaceholders, type Query, type SQL } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { drizzle } from 'drizzle-orm/postgres-js'
import { ownListAndLogSql, readAndLogSql, recordByIdQuery } from './db/record-statements.js'
import { schema } from './db/schema.js'
import type { RecordsDb } from './plugins/app/db.js'
import { accessLogPageQuery } from './plugins/app/access-log-repository.js'

export interface ServiceStatement<V extends Record<string, unknown>> {
  text: string
  /** The statement's parameters for these values, in $n order. */
  params (values: V): unknown[]
}

/** The actor of an audited statement and the time its care check and audit row use (ISO 8601). */
type Actor = { userId: string, role: string, requestId: string, now: string }

// They only build SQL text: a dialect (what `db.execute` turns a template into text with) and a
// drizzle instance with no connection, for the queries the repositories write with the builder.
const dialect = new PgDialect()
const db = drizzle.mock({ schema }) as unknown as RecordsDb

function statement<V extends Record<string, unknown>> (built: SQL | { toSQL (): Query }): ServiceStatement<V> {
  const { sql: text, params } = 'toSQL' in built ? built.toSQL() : dialect.sqlToQuery(built)
  return { text, params: (values) => fillPlaceholders(params, values) }
}

const page = placeholders('recordId', 'limit', 'offset')

export const recordStatements = {
  /** `GET /api/records/:id`: the record, the purpose of the actor's access (the care rule) and, when it has one, its READ row. */
  readAndLog: statement<{ id: string } & Actor>(readAndLogSql(placeholders('id', 'userId', 'role', 'requestId', 'now'))),
  /** `GET /api/records` for a patient: a page of their records, the total, a READ row per record. */
  ownListAndLog: statement<{ ownerUserId: string, limit: number, offset: number } & Actor>(
    ownListAndLogSql(placeholders('ownerUserId', 'limit', 'offset', 'userId', 'role', 'requestId', 'now'))),
  /** The plain read of a record with its parties (before a change, and after it). */
  recordById: statement<{ id: string }>(recordByIdQuery(db, placeholders('id').id)),
  /** `GET /api/records/:id/access-log`: a page of the trail, oldest first. */
  accessLogPage: statement<{ recordId: string, limit: number, offset: number }>(
    accessLogPageQuery(db, page.recordId, page.limit, page.offset)),
}

/** The builder of the plain record read, for running it through drizzle on another client. */
export { recordByIdQuery }
