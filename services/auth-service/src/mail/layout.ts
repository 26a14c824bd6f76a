/** The languages rekam writes to its users in. */
export type Locale = 'id' | 'en'

/** What a template says; the layout turns it into the text and HTML parts. */
export interface MailContent {
  subject: string
  /** Opening line (a greeting). */
  greeting: string
  paragraphs: string[]
  /** The one thing to do, as a link (a button in HTML, the bare URL in text). */
  action?: { label: string, url: string } | undefined
  /** Lines after the action (how long the link works, what to do if it was not you). */
  after?: string[] | undefined
}

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

const FOOTER: Record<Locale, string> = {
  id: 'Email ini dikirim otomatis oleh rekam. Mohon tidak membalas email ini.',
  en: 'This message was sent automatically by rekam. Please do not reply to it.',
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Every value that reaches the HTML part goes through here: names and addresses are user input. */
export function escapeHtml (value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`

/**
 * The shared look of every mail: the same sections in text and in HTML (inline styles only: mail
 * clients drop style sheets), every value escaped.
 */
export function renderLayout (locale: Locale, content: MailContent): RenderedMail {
  const after = content.after ?? []
  const text = [
    content.greeting,
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}:\n${content.action.url}`] : []),
    ...after,
    `-- \n${FOOTER[locale]}`,
  ].join('\n\n') + '\n'
  const button = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#0f766e;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#4b5563;word-break:break-all">${escapeHtml(content.action.url)}</p>`
    : ''
  const html = '<!doctype html>' +
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>` +
    '<body style="margin:0;padding:24px;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#111827;line-height:1.5">' +
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">' +
    '<p style="margin:0 0 24px;font-size:20px;font-weight:bold;color:#0f766e">rekam</p>' +
    paragraph(content.greeting) +
    content.paragraphs.map(paragraph).join('') +
    button +
    after.map(paragraph).join('') +
    `<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0"><p style="margin:0;font-size:12px;color:#6b7280">${escapeHtml(FOOTER[locale])}</p>` +
    '</div></body></html>'
  return { subject: content.subject, text, html }
}

/** A template: its typed parameters, and what it says in each language. */
export interface Template<P> {
  render (locale: Locale, params: P): RenderedMail
}

export function defineTemplate<P> (texts: Record<Locale, (params: P) => MailContent>): Template<P> {
  return { render: (locale, params) => renderLayout(locale, texts[locale](params)) }
}

/** "Halo Siti," / "Hello Siti,", or without a name when the account has none. */
export function greeting (locale: Locale, name: string | null | undefined): string {
  const who = name?.trim()
  if (locale === 'id') return who ? `Halo ${who},` : 'Halo,'
  return who ? `Hello ${who},` : 'Hello,'
}
