import type { Locale, RenderedMail, Template } from '../layout.js'
import { invite } from './invite.js'
import { emailChange } from './email-change.js'
import { emailChangeRequested } from './email-change-requested.js'
import { notice } from './notice.js'
import { passwordReset } from './password-reset.js'
import { verifyEmail } from './verify-email.js'

/**
 * Every mail rekam sends, by name. A new mail is a module beside this one and one line here; its
 * parameters are typed through the name (`fastify.mail.enqueue(tx, { template: 'notice', params })`).
 */
export const templates = {
  'verify-email': verifyEmail,
  notice,
  invite,
  'password-reset': passwordReset,
  'email-change': emailChange,
  'email-change-requested': emailChangeRequested,
}

export type TemplateName = keyof typeof templates
export type TemplateParams<N extends TemplateName> = (typeof templates)[N] extends Template<infer P> ? P : never

export function renderTemplate<N extends TemplateName> (name: N, locale: Locale, params: TemplateParams<N>): RenderedMail {
  const template = templates[name] as Template<TemplateParams<N>>
  return template.render(locale, params)
}
