import type postgres from 'postgres'

/** A template tag: postgres.js's `sql`, or `textOf` to read the statement with $n placeholders. */
type Tag<R> = (strings: TemplateStringsArray, ...params: Array<string | number>) => R

/** The statement text as PostgreSQL receives it from a tagged template. */
export const textOf: Tag<string> = (strings) => strings.reduce((text, part, i) => `${text}$${i}${part}`)

/*
 * records-service's record queries, written as raw postgres.js tagged templates in the very text
 * drizzle generates for the service's repository (services/records-service/src/plugins/app/
 * records-repository.ts): the record with its doctor and its patient in one join; the "my records"
 * page and its count. The floors and the query-plan test run these; drizzle.ts builds the same
 * statements with drizzle, and the bench reports whether both texts still agree.
 */

export const recordById = <R>(tag: Tag<R>, id: string) => tag`select "medical_records"."id", "medical_records"."patient_id", "medical_records"."doctor_id", "medical_records"."visit_date", "medical_records"."complaint", "medical_records"."diagnosis", "medical_records"."treatment", "medical_records"."prescription", "medical_records"."notes", "medical_records"."created_at", "medical_records"."updated_at", "medical_records"."deleted_at", "doctors"."id", "doctors"."full_name", "doctors"."specialization", "patients"."id", "patients"."full_name", "patients"."date_of_birth", "patients"."user_id" from "medical_records" inner join "doctors" on "doctors"."id" = "medical_records"."doctor_id" inner join "patients" on "patients"."id" = "medical_records"."patient_id" where ("medical_records"."id" = ${id} and "medical_records"."deleted_at" is null) limit ${1}`

export const recordsPage = <R>(tag: Tag<R>, patientId: string, limit = 20) => tag`select "medical_records"."id", "medical_records"."patient_id", "medical_records"."doctor_id", "medical_records"."visit_date", "medical_records"."complaint", "medical_records"."diagnosis", "medical_records"."treatment", "medical_records"."prescription", "medical_records"."notes", "medical_records"."created_at", "medical_records"."updated_at", "medical_records"."deleted_at", "doctors"."id", "doctors"."full_name", "doctors"."specialization", "patients"."id", "patients"."full_name", "patients"."date_of_birth", "patients"."user_id" from "medical_records" inner join "doctors" on "doctors"."id" = "medical_records"."doctor_id" inner join "patients" on "patients"."id" = "medical_records"."patient_id" where ("medical_records"."deleted_at" is null and "medical_records"."patient_id" = ${patientId}) order by "medical_records"."visit_date" desc, "medical_records"."created_at" desc, "medical_records"."id" desc limit ${limit}`

export const recordsCount = <R>(tag: Tag<R>, patientId: string) => tag`select count(*) from "medical_records" where ("medical_records"."deleted_at" is null and "medical_records"."patient_id" = ${patientId})`

/** The access log of one record, oldest first (the service's `GET /api/records/:id/access-log` page). */
export const accessLogPage = <R>(tag: Tag<R>, recordId: string, limit = 20) => tag`select "id", "record_id", "actor_user_id", "actor_role", "action", "request_id", "at" from "record_access_log" where "record_access_log"."record_id" = ${recordId} order by "record_access_log"."at" asc, "record_access_log"."id" asc limit ${limit}`

/** The same statements bound to a postgres.js client. */
export function recordQueries (sql: postgres.Sql) {
  const tag = sql as unknown as Tag<postgres.PendingQuery<postgres.Row[]>>
  return {
    recordById: (id: string) => recordById(tag, id),
    recordsPage: (patientId: string) => recordsPage(tag, patientId),
    recordsCount: (patientId: string) => recordsCount(tag, patientId),
  }
}
