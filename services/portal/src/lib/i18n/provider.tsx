import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { catalogs, errorSentence, localeFor, pickLanguage, translate, type Language, type Vars } from './catalog.js'
import type { EventType } from './codes.js'
import type { MessageKey } from './en.js'
import { formatDay, formatInstant, formatTime } from './format.js'

/** The language chosen with the switch; not a secret, so it may live in localStorage. */
const STORAGE_KEY = 'rekam.language'

export interface I18n {
  language: Language
  locale: string
  setLanguage (language: Language): void
  t (key: MessageKey, vars?: Vars): string
  errorText (code: string): string
  eventText (type: string): string
  day (value: string): string
  instant (value: string): string
  /** Hours and minutes of an instant. */
  time (value: string): string
}

const I18nContext = createContext<I18n | null>(null)

function initialLanguage (): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY)
  return stored === 'id' || stored === 'en' ? stored : pickLanguage(navigator.languages)
}

export function I18nProvider ({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage)
  const setLanguage = useCallback((next: Language) => {
    window.localStorage.setItem(STORAGE_KEY, next)
    setLanguageState(next)
  }, [])
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])

  const value = useMemo<I18n>(() => {
    const locale = localeFor(language, navigator.languages)
    const events = catalogs[language].codes.events
    return {
      language,
      locale,
      setLanguage,
      t: (key, vars) => translate(language, key, vars),
      errorText: (code) => errorSentence(language, code),
      eventText: (type) => Object.hasOwn(events, type) ? events[type as EventType] : type,
      day: (value) => formatDay(locale, value),
      instant: (value) => formatInstant(locale, value),
      time: (value) => formatTime(locale, value),
    }
  }, [language, setLanguage])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n (): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
