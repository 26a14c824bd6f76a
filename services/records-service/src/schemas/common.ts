import { Type } from '@rekam/schemas'

/** A calendar date, `YYYY-MM-DD`. */
export const DateSchema = Type.String({ format: 'date', maxLength: 10 })

export const NullableText = (maxLength: number) => Type.Union([Type.String({ minLength: 1, maxLength }), Type.Null()])
export const NullableString = Type.Union([Type.String(), Type.Null()])
