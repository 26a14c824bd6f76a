import type { Locale } from '../schemas/user.js'

/**
 * The first of our languages (id, en) the Accept-Language header prefers, by quality then order
 * (RFC 9110 12.5.4; `id-ID` counts as `id`); `id` when it names neither, or is absent.
 */
export function localeFrom (header: string | undefined): Locale {
  if (!header) return 'id'
  const ranked = header.split(',').map((part, index) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    return { language: range.split('-')[0]!.trim(), quality: q === undefined ? 1 : Number(q), index }
  }).filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
  const found = ranked.find((entry) => entry.language === 'id' || entry.language === 'en')
  return (found?.language as Locale | undefined) ?? 'id'
}
