import { mailUnavailable } from '@rekam/errors'
import fp from 'fastify-plugin'
import { createTransport } from 'nodemailer'
import type { FastifyInstance } from 'fastify'
import { portalLink } from '../../lib/portal-links.js'
import { smtpCertificateAuthorities } from '../../lib/smtp-tls.js'
import type { Locale } from '../../mail/layout.js'
import { renderTemplate, type TemplateName, type TemplateParams } from '../../mail/templates/index.js'
import { createMailSender, type MailSender } from '../../services/mail-sender.js'
import type { AuthDb } from './db.js'

/** A mail without a link of its own is worth sending for a week; after that it is dropped unsent. */
const DEFAULT_EXPIRY_MS = 7 * 86_400_000

/** nodemailer's limits (ms): well inside the sender's claim (CLAIM_MS), so a hung server never causes a duplicate. */
const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 }

export interface OutboxMail<N extends TemplateName> {
  to: string
  userId: string | null
  locale: Locale
  template: N
  params: TemplateParams<N>
  /** When the mail stops being worth sending: its link's expiry. A week by default. */
  expiresAt?: Date | undefined
}

export interface Mail {
  /** An SMTP server is configured (SMTP_URL). */
  available: boolean
  /** 503 MAIL_UNAVAILABLE unless mail can be sent: call it before a flow that must send mail does anything. */
  assertAvailable (): void
  /**
   * Renders the template and queues the mail in the caller's transaction: it goes out only if
   * that commits, and the sender is started right after. False (and nothing written) when no
   * SMTP server is configured.
   */
  enqueue<N extends TemplateName> (tx: AuthDb, mail: OutboxMail<N>): Promise<boolean>
  /** The portal page for a one-time token (`/verify-email`, `/reset-password`...), token in the fragment. */
  link (path: `/${string}`, token: string): string
}

declare module 'fastify' {
  interface FastifyInstance {
    mail: Mail
    mailSender: MailSender
  }
}

export interface MailOptions {
  /** The clock in epoch ms; the system clock unless a test moves time instead of waiting. */
  now?: (() => number) | undefined
}

/**
 * Mail through a transactional outbox (see services/mail-sender.ts): `fastify.mail` queues,
 * `fastify.mailSender` delivers (kicked after each commit, and by the housekeeping timer).
 * @see https://nodemailer.com/smtp/
 */
export default fp<MailOptions>(async function mailPlugin (fastify: FastifyInstance, opts) {
  const { config } = fastify
  const now = opts.now ?? Date.now
  const available = config.SMTP_URL !== undefined
  if (!available && config.NODE_ENV === 'production') {
    fastify.log.warn('SMTP_URL is not set: no mail is sent, and email verification, password reset and invitations answer 503 MAIL_UNAVAILABLE')
  }
  // TLS as the URL says (smtps://: from the first byte; smtp://: STARTTLS when offered, or required
  // with ?requireTLS=true); the certificate is always checked, against SMTP_CA_FILE's CAs too.
  const tls = config.SMTP_CA_FILE ? { tls: { ca: smtpCertificateAuthorities(config.SMTP_CA_FILE) } } : {}
  const transport = available ? createTransport({ url: config.SMTP_URL!, ...SMTP_TIMEOUTS, ...tls }) : null
  const sender = createMailSender({ outbox: fastify.mailOutboxRepository, transport, from: config.MAIL_FROM, log: fastify.log, now })
  const outbox = fastify.mailOutboxRepository

  fastify.decorate('mailSender', sender)
  fastify.decorate<Mail>('mail', {
    available,
    assertAvailable () {
      if (!available) throw mailUnavailable()
    },
    async enqueue (tx, mail) {
      if (!available) return false
      const rendered = renderTemplate(mail.template, mail.locale, mail.params)
      const at = now()
      const id = await outbox.insert(tx, {
        userId: mail.userId,
        toAddress: mail.to,
        template: mail.template,
        locale: mail.locale,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
        nextAttemptAt: new Date(at),
        expiresAt: mail.expiresAt ?? new Date(at + DEFAULT_EXPIRY_MS),
      })
      sender.kick(id)
      return true
    },
    link: (path, token) => portalLink(config.PUBLIC_URL, path, token),
  })
  fastify.addHook('onClose', () => sender.close())
}, { name: 'mail', dependencies: ['mail-outbox-repository'] })
