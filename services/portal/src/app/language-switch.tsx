import { unwrap } from '@rekam/client'
import { useId, useRef, useState } from 'react'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../lib/i18n/catalog.js'
import { useI18n } from '../lib/i18n/provider.js'
import { rekam } from '../lib/rekam.js'
import { useSession } from '../lib/session.js'

/**
 * The portal's language; for a signed-in user also their account's (PUT /api/auth/profile
 * locale), the language rekam mails them in. The page switches at once; when saving the
 * account's language fails (offline, say), an alert says so, with a button to try again.
 */
export function LanguageSwitch () {
  const { language, setLanguage, t } = useI18n()
  const { user } = useSession()
  const id = useId()
  const [notSaved, setNotSaved] = useState(false)
  // The language last saved here: the session's user learns of it only after a refresh, and a
  // switch back before that must still be saved.
  const saved = useRef<{ userId: string, locale: Language } | undefined>(undefined)

  function save (next: Language) {
    setNotSaved(false)
    if (!user) return
    const accountLocale = saved.current?.userId === user.id ? saved.current.locale : user.locale
    if (accountLocale === next) return
    rekam.auth.PUT('/api/auth/profile', { body: { locale: next } }).then(unwrap)
      .then(() => { saved.current = { userId: user.id, locale: next }; return rekam.resume() })
      .catch(() => setNotSaved(true))
  }

  function choose (next: Language) {
    setLanguage(next)
    save(next)
  }

  return (
    <div className='language-switch'>
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={language} onChange={(e) => choose(e.target.value as Language)}>
        {LANGUAGES.map((lang) => <option key={lang} value={lang} lang={lang}>{LANGUAGE_NAMES[lang]}</option>)}
      </select>
      {notSaved && user && (
        <p className='alert alert-error' role='alert'>
          {t('app.languageNotSaved')}{' '}
          <button type='button' className='link-button' onClick={() => save(language)}>{t('app.languageRetry')}</button>
        </p>
      )}
    </div>
  )
}
