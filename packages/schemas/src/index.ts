import { Type, type Static, type TSchema } from '@sinclair/typebox'

export { Type, type Static, type TSchema } from '@sinclair/typebox'

/**
 * PostgreSQL compares uuids regardless of case, code compares strings: every uuid is lower-cased
 * as it is validated (the `transform` keyword of ajv-keywords), so `id === request.user.sub`
 * means what it says wherever an id arrives.
 */
export const UuidSchema = Type.String({ format: 'uuid', maxLength: 36, transform: ['toLowerCase'], description: 'A UUID' })

export const IdParamsSchema = Type.Object({ id: UuidSchema }, { additionalProperties: false })
export type IdParams = Static<typeof IdParamsSchema>

/** ISO 8601 timestamp as it appears in JSON. */
export const TimestampSchema = Type.String({ format: 'date-time' })

export const EmailSchema = Type.String({ format: 'email', minLength: 3, maxLength: 254 })

/** Shared paging: `limit` defaults to 20 and is at most 100 (DESIGN.md). */
export const PaginationQuerySchema = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
})
export type PaginationQuery = Static<typeof PaginationQuerySchema>

export function pageOf<T extends TSchema> (item: T) {
  return Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    limit: Type.Integer(),
    total: Type.Integer(),
  })
}

/** The success envelope: `{ success: true, data, message? }`. */
export function success<T extends TSchema> (data: T) {
  return Type.Object({
    success: Type.Literal(true),
    data,
    message: Type.Optional(Type.String()),
  })
}

export const MessageOnlySchema = success(Type.Null())

/** A success body, `{ success: true, data, message? }`, as `success(schema)` describes it. */
export function ok<T> (data: T, message?: string): { success: true, data: T, message?: string } {
  return message === undefined ? { success: true, data } : { success: true, data, message }
}

/** The OpenAPI security requirement of a route that needs an access token. */
export const security = [{ bearerAuth: [] }]

export function offsetOf (query: PaginationQuery): number {
  return (query.page - 1) * query.limit
}

/** One page of a list, as `pageOf(schema)` describes it: the items, where they sit, and how many in all. */
export function pageResult<T> (items: T[], query: PaginationQuery, total: number): { items: T[], page: number, limit: number, total: number } {
  return { items, page: query.page, limit: query.limit, total }
}

/** Input objects reject unknown properties: `role` in a register body is a 400, not ignored. */
export function StrictObject<T extends Parameters<typeof Type.Object>[0]> (properties: T, options: Parameters<typeof Type.Object>[1] = {}) {
  return Type.Object(properties, { additionalProperties: false, ...options })
}
export { AuditMismatchSchema, AuditTrailReportSchema, AuditVerifySchema, toAuditVerify, type AuditVerify } from './audit-verify.js'
