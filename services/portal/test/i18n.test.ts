/**
 * Every error code of the envelope, every message and every security event type has a sentence
 * in both languages, and none is left in the other language by mistake.
 */
import t from 'tap'
import { errorCodes } from '@rekam/errors'
import { catalogs, errorSentence, EVENT_TYPES, LANGUAGES, localeFor, pickLanguage, translate } from '../src/lib/i18n/catalog.js'
import { formatDay } from '../src/lib/i18n/format.js'

t.test('every error code of @rekam/errors has a friendly sentence in both languages', async (t) => {
  for (const language of LANGUAGES) {
    const errors = catalogs[language].codes.errors as Record<string, string>
    for (const code of errorCodes) {
      t.ok(errors[code]?.trim(), `${language}: ${code}`)
      t.not(errorSentence(language, code), catalogs[language].messages['error.UNKNOWN'], `${language}: ${code} is not the general sentence`)
    }
  }
  const en = catalogs.en.codes.errors as Record<string, string>
  const id = catalogs.id.codes.errors as Record<string, string>
  t.strictSame(Object.keys(id).sort(), Object.keys(en).sort(), 'both languages know the same codes')
  for (const code of Object.keys(en)) t.not(id[code], en[code], `${code} is translated`)
})

t.test('both catalogues have the same keys, none empty', async (t) => {
  const en = catalogs.en.messages
  const id = catalogs.id.messages
  t.strictSame(Object.keys(id).sort(), Object.keys(en).sort())
  for (const [key, text] of Object.entries(id)) t.ok(text.trim(), `id: ${key}`)
  t.ok(EVENT_TYPES.includes('CSRF_REJECTED'), 'the event types include the newest')
  for (const type of EVENT_TYPES) {
    t.ok(catalogs.en.codes.events[type], `en: ${type}`)
    t.ok(catalogs.id.codes.events[type], `id: ${type}`)
  }
})

t.test('an unknown code gets the general sentence', async (t) => {
  t.equal(errorSentence('en', 'NO_SUCH_CODE'), catalogs.en.messages['error.UNKNOWN'])
  t.equal(errorSentence('id', 'constructor'), catalogs.id.messages['error.UNKNOWN'])
})

t.test('the language comes from the browser', async (t) => {
  t.equal(pickLanguage(['en-US', 'id']), 'en')
  t.equal(pickLanguage(['id-ID', 'en']), 'id')
  t.equal(pickLanguage(['fr-FR', 'en-GB']), 'en')
  t.equal(pickLanguage(['fr-FR']), 'id', 'Indonesian when the browser asks for neither')
  t.equal(localeFor('en', ['en-US']), 'en-US')
  t.equal(localeFor('id', ['en-US']), 'id-ID')
})

t.test('placeholders and local date formats', async (t) => {
  t.equal(translate('en', 'pager.label', { page: 2, pages: 5 }), 'Page 2 of 5')
  t.equal(translate('id', 'pager.label', { page: 2, pages: 5 }), 'Halaman 2 dari 5')
  t.equal(formatDay('id-ID', '2025-11-03'), '3 November 2025')
  t.equal(formatDay('en-US', '2025-11-03'), 'November 3, 2025')
})
