import { sql, type SQLWrapper } from 'drizzle-orm'
import { patients } from './schema.js'

/**
 * A name as the duplicate check compares it: lower case without any white space, so
 * "Siti  Rahma" and "siti rahma" are one name. Two names are similar when one so normalised
 * starts with the other ("Siti Rahma" and "Siti Rahmawati").
 */
const normalisedName = (name: SQLWrapper | string) => sql`lower(regexp_replace(${name}, '\\s', '', 'g'))`
export const similarName = (fullName: string) => sql`(starts_with(${normalisedName(patients.fullName)}, ${normalisedName(fullName)})
  or starts_with(${normalisedName(fullName)}, ${normalisedName(patients.fullName)}))`
