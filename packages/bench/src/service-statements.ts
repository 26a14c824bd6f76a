import { recordStatements, type ServiceStatement } from '@rekam/records-service/statements'
import type postgres from 'postgres'

/** An actor for the audited statements: the bench reads as the record's patient, as the service scenario does. */
export interface BenchActor {
  userId: string
  role: 'PATIENT' | 'DOCTOR' | 'ADMIN'
  requestId: string
}

/**
 * records-service's own statements (`@rekam/records-service/statements`, the text its
 * repositories send) run through raw postgres.js, each a server-side prepared statement as the
 * services run theirs (`DB_PREPARE`).
 */
export function recordQueries (sql: postgres.Sql) {
  function run<V extends Record<string, unknown>> (statement: ServiceStatement<V>, values: V) {
    return sql.unsafe(statement.text, statement.params(values) as postgres.ParameterOrJSON<never>[], { prepare: true })
  }
  return {
    /** The plain read of a record with its parties (no audit row). */
    recordById: (id: string) => run(recordStatements.recordById, { id }),
    /** The record read and its READ row: the statement of `GET /api/records/:id`. */
    readAndLog: (id: string, actor: BenchActor) => run(recordStatements.readAndLog, { id, now: new Date().toISOString(), ...actor }),
    /** A patient's first page of records, the total and a READ row per record: `GET /api/records`. */
    ownListAndLog: (ownerUserId: string, actor: BenchActor) => run(recordStatements.ownListAndLog, { ownerUserId, limit: 20, offset: 0, now: new Date().toISOString(), ...actor }),
  }
}
