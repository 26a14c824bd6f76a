import { useId } from 'react'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../lib/i18n/catalog.js'
import { useI18n } from '../lib/i18n/provider.js'

export function LanguageSwitch () {
  const { language, setLanguage, t } = useI18n()
  const id = useId()
  return (
    <div className='language-switch'>
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((lang) => <option key={lang} value={lang} lang={lang}>{LANGUAGE_NAMES[lang]}</option>)}
      </select>
    </div>
  )
}
