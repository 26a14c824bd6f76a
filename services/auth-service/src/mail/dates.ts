import type { Locale } from './layout.js'

/** A moment as mail writes it: in the clinic's time zone (WIB), the way each language writes dates. */
export function mailDate (locale: Locale, when: Date | string): string {
  const format = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' })
  return `${format.format(new Date(when))} WIB`
}
