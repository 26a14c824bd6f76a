import { validationError } from '@rekam/errors'

const HOUR_MS = 3_600_000

/**
 * Today's date where it is latest on Earth (UTC+14): a date refused as "future" must be future
 * for every caller, whatever time zone their clinic is in, and the server's own zone plays no part.
 */
export function latestToday (now: Date): string {
  return new Date(now.getTime() + 14 * HOUR_MS).toISOString().slice(0, 10)
}

/** The day after `date` (YYYY-MM-DD). */
function nextDay (date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 24 * HOUR_MS).toISOString().slice(0, 10)
}

function refuse (field: string, message: string): never {
  throw validationError(`${field} ${message}`, [{ field, message }])
}

/**
 * A visit is recorded when it happens, or booked the evening before: one day ahead is allowed,
 * a later date is a typing mistake (a year or month off) that would sort above every real visit.
 */
export function assertVisitDate (visitDate: string | undefined, now: Date, field = 'body.visitDate'): void {
  if (visitDate === undefined) return
  const latest = nextDay(latestToday(now))
  if (visitDate > latest) refuse(field, `must not be more than a day after today (${latest} at the latest)`)
}

/** Nobody is born after today. */
export function assertDateOfBirth (dateOfBirth: string, now: Date, field = 'body.dateOfBirth'): void {
  const latest = latestToday(now)
  if (dateOfBirth > latest) refuse(field, `must not be in the future (${latest} at the latest)`)
}
