import { unwrap } from '@rekam/client'
import { useId } from 'react'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../lib/i18n/catalog.js'
import { useI18n } from '../lib/i18n/provider.js'
import { rekam } from '../lib/rekam.js'
import { useSession } from '../lib/session.js'

/**
 * The portal's language; for a signed-in user also their account's (PUT /api/auth/profile
 * locale), the language rekam mails them in.
 */
export function LanguageSwitch () {
  const { language, setLanguage, t } = useI18n()
  const { user } = useSession()
  const id = useId()

  function choose (next: Language) {
    setLanguage(next)
    if (!user || user.locale === next) return
    // The page has switched already; a failed save (offline, say) leaves only the mail's language as it was.
    rekam.auth.PUT('/api/auth/profile', { body: { locale: next } }).then(unwrap).then(() => rekam.resume()).catch(() => {})
  }

  return (
    <div className='language-switch'>
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={language} onChange={(e) => choose(e.target.value as Language)}>
        {LANGUAGES.map((lang) => <option key={lang} value={lang} lang={lang}>{LANGUAGE_NAMES[lang]}</option>)}
      </select>
    </div>
  )
}
