import type { ApiErrorCode, CodeMessages, EventType } from './codes.js'
import { codesEn } from './codes-en.js'
import { codesId } from './codes-id.js'
import { en, type MessageKey } from './en.js'
import { id } from './id.js'

export type Language = 'id' | 'en'
export const LANGUAGES: readonly Language[] = ['id', 'en']
/** Each language's name in itself, for the switch. */
export const LANGUAGE_NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' }

export const catalogs: Record<Language, { messages: Record<MessageKey, string>, codes: CodeMessages }> = {
  en: { messages: en, codes: codesEn },
  id: { messages: id, codes: codesId },
}

/** The first of the browser's preferred languages that the portal speaks; Indonesian otherwise. */
export function pickLanguage (preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'id' || base === 'in') return 'id'
    if (base === 'en') return 'en'
  }
  return 'id'
}

/** The BCP 47 tag for Intl: the browser's own variant of the language (en-US, en-GB) when it has one. */
export function localeFor (language: Language, preferred: readonly string[]): string {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? (language === 'id' ? 'id-ID' : 'en-GB')
}

/** Every security event type, for the admin's filter. */
export const EVENT_TYPES = Object.keys(codesEn.events) as EventType[]

export type Vars = Record<string, string | number>

export function translate (language: Language, key: MessageKey, vars?: Vars): string {
  const text = catalogs[language].messages[key]
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text
}

export function isApiErrorCode (code: string): code is ApiErrorCode {
  return Object.hasOwn(codesEn.errors, code)
}

/** The friendly sentence for an envelope's code; a code this build does not know gets the general one. */
export function errorSentence (language: Language, code: string): string {
  return isApiErrorCode(code) ? catalogs[language].codes.errors[code] : catalogs[language].messages['error.UNKNOWN']
}
