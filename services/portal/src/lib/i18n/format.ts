/** Dates in the reader's own format (Intl), per locale. */

/** A calendar date (YYYY-MM-DD, no time zone) as the day it names, wherever the reader is. */
export function formatDay (locale: string, day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return day
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date)
}

/** An instant (ISO 8601 timestamp) in the reader's time zone. */
export function formatInstant (locale: string, instant: string): string {
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return instant
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

/** The time of day of an instant (hours and minutes) in the reader's time zone. */
export function formatTime (locale: string, instant: string): string {
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return instant
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date)
}
