import { sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import { careRelationships, doctors } from './schema.js'

/**
 * Whether the doctor whose auth user id is `doctorUserIdSql` has a care relationship with the
 * patient that is active at `nowSql` (starts_at <= now and not ended by then): an EXISTS to put
 * inside the statement that reads or checks, so the check costs no round trip of its own.
 * `nowSql` comes from the clock plugin, as a parameter (tests move the clock).
 */
export function activeCareSql (patientIdSql: SQLWrapper, doctorUserIdSql: SQLWrapper | string, nowSql: SQLWrapper | Date): SQL {
  const at = nowSql instanceof Date ? sql`${nowSql.toISOString()}::timestamptz` : nowSql
  return sql`exists (
    select 1 from ${careRelationships}
    join ${doctors} on ${doctors.id} = ${careRelationships.doctorId}
    where ${careRelationships.patientId} = ${patientIdSql} and ${doctors.userId} = ${doctorUserIdSql}
      and ${careRelationships.startsAt} <= ${at}
      and (${careRelationships.endsAt} is null or ${careRelationships.endsAt} > ${at}))`
}
