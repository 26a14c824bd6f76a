import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { errorCodes } from './codes.js'

export const ErrorDetailSchema = Type.Object({
  field: Type.String(),
  message: Type.String(),
})

export const ErrorEnvelopeSchema = Type.Object({
  success: Type.Literal(false),
  error: Type.Object({
    code: Type.Union(errorCodes.map((code) => Type.Literal(code))),
    message: Type.String(),
    details: Type.Optional(Type.Array(ErrorDetailSchema)),
    requestId: Type.String(),
  }),
}, { $id: 'ErrorEnvelope', title: 'Error' })

export type ErrorEnvelope = Static<typeof ErrorEnvelopeSchema>

/**
 * Response schemas for the listed error statuses, for a route's `schema.response`.
 * Every error body has the same shape, so one schema serves every status.
 */
export function errorResponses<S extends number> (...statuses: S[]): Record<S, TSchema> {
  const out = {} as Record<S, TSchema>
  for (const status of statuses) out[status] = ErrorEnvelopeSchema
  return out
}
