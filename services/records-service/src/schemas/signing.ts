import { PaginationQuerySchema, StrictObject, Type, UuidSchema, type Static } from '@rekam/schemas'
import { AmendmentRequestStatusSchema } from './amendment-request.js'
import { RecordUpdateSchema } from './record.js'

const Reason = (description: string) => Type.String({ minLength: 3, maxLength: 500, description })

/** The content fields that change (at least one); the others stay. */
export const RecordContentChangesSchema = StrictObject(Type.Omit(RecordUpdateSchema, ['reason']).properties, { minProperties: 1 })
export type RecordContentChanges = Static<typeof RecordContentChangesSchema>

export const AmendmentSchema = StrictObject({
  changes: RecordContentChangesSchema,
  reason: Reason('Why the signed record is amended'),
}, { examples: [{ changes: { diagnosis: 'Acute bronchitis' }, reason: 'Chest X-ray result received after signing' }] })
export type Amendment = Static<typeof AmendmentSchema>

export const AmendmentRequestCreateSchema = StrictObject({
  text: Type.String({ minLength: 3, maxLength: 2000, description: 'What the patient asks to be corrected, and why' }),
}, { examples: [{ text: 'My allergy to penicillin is missing from the notes' }] })

export const AmendmentRequestParamsSchema = StrictObject({ id: UuidSchema, requestId: UuidSchema })

export const DeclineSchema = StrictObject({ reason: Reason('Why the request is declined (the patient reads it)') }, {
  examples: [{ reason: 'The diagnosis is confirmed by the laboratory result of the same day' }],
})

export const AcceptSchema = StrictObject({
  changes: RecordContentChangesSchema,
  /** The version's reason; the request's text when absent. */
  reason: Type.Optional(Reason('Why the record changes (the request\'s text when absent)')),
}, { examples: [{ changes: { notes: 'Allergic to penicillin' } }] })

export const AmendmentQueueQuerySchema = StrictObject({
  ...PaginationQuerySchema.properties,
  status: Type.Optional(AmendmentRequestStatusSchema),
})
