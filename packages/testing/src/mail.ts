import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import type { Teardown } from './test-database.js'

/** A mail as the test SMTP server received and parsed it. */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), lower-case. */
  to: string[]
  /** Envelope sender (MAIL FROM). */
  envelopeFrom: string
  /** The From header as written. */
  from: string
  subject: string
  text: string
  html: string
  /** Headers by lower-case name, the values as mailparser gives them (strings for most). */
  headers: Map<string, unknown>
  /** The mail came over TLS (implicit, or after STARTTLS). */
  secure: boolean
}

/** A recipient address, or any condition on the mail. */
export type MailMatch = string | ((mail: ReceivedMail) => boolean)

/**
 * TLS for the test server: `implicit` speaks TLS from the first byte (port 465, `smtps://`),
 * `starttls` offers the STARTTLS upgrade on a plain connection (port 587, `smtp://`).
 */
export interface MailServerTls {
  mode: 'implicit' | 'starttls'
  /** PEM private key and certificate (see makeTestCertificates). */
  key: string
  cert: string
}

export interface MailServerOptions {
  /** Plain SMTP without STARTTLS when left out, as a local relay would be. */
  tls?: MailServerTls
}

export interface MailServer {
  /** `smtp://127.0.0.1:<port>` (`smtps://` with implicit TLS): the SMTP_URL of the app under test. */
  url: string
  port: number
  /** Every mail received, in order. */
  mails: ReceivedMail[]
  /**
   * The first mail (matching) not yet returned by an earlier `next`, waiting for it up to
   * `timeoutMs` (10 s by default; rejects then, saying how many mails came).
   */
  next (match?: MailMatch, timeoutMs?: number): Promise<ReceivedMail>
  /** Stops listening: the app's SMTP connections are refused (an outage). */
  stop (): Promise<void>
  /** Listens again on the same port. */
  restart (): Promise<void>
}

const DEFAULT_TIMEOUT_MS = 10_000

function matches (mail: ReceivedMail, match: MailMatch | undefined): boolean {
  if (match === undefined) return true
  if (typeof match === 'string') return mail.to.includes(match.toLowerCase())
  return match(mail)
}

/** smtp-server's options for `tls`: none, TLS from the start, or STARTTLS offered. */
function tlsOptions (tls: MailServerTls | undefined) {
  if (!tls) return { disabledCommands: ['STARTTLS', 'AUTH'] }
  return { secure: tls.mode === 'implicit', key: tls.key, cert: tls.cert, disabledCommands: ['AUTH'] }
}

/**
 * A real SMTP server (smtp-server) on a free port that parses every mail (mailparser); stopped
 * when the test ends. Without AUTH; plain SMTP without STARTTLS unless `options.tls` says otherwise.
 */
export async function startMailServer (t: Teardown, options: MailServerOptions = {}): Promise<MailServer> {
  const mails: ReceivedMail[] = []
  const taken = new Set<ReceivedMail>()
  const waiters = new Set<() => void>()
  let server: SMTPServer | undefined
  let port = 0

  function create (): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      ...tlsOptions(options.tls),
      logger: false,
      // The app's connections close after each mail; stopping never waits on a stray one.
      closeTimeout: 100,
      onData (stream, session, callback) {
        simpleParser(stream).then((parsed) => {
          mails.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers: parsed.headers,
            secure: session.secure,
          })
          for (const wake of [...waiters]) wake()
          callback()
        }, (err: Error) => callback(err))
      },
    })
  }

  async function listen (): Promise<void> {
    server = create()
    // A client refusing the certificate drops the handshake: the server reports it, nothing to do.
    server.on('error', () => {})
    server.listen(port, '127.0.0.1')
    await once(server.server, 'listening')
    port = (server.server.address() as AddressInfo).port
  }

  async function stop (): Promise<void> {
    const current = server
    server = undefined
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()))
  }

  function take (match: MailMatch | undefined): ReceivedMail | undefined {
    const mail = mails.find((candidate) => !taken.has(candidate) && matches(candidate, match))
    if (mail) taken.add(mail)
    return mail
  }

  await listen()
  t.teardown(stop)

  return {
    url: `${options.tls?.mode === 'implicit' ? 'smtps' : 'smtp'}://127.0.0.1:${port}`,
    port,
    mails,
    next (match, timeoutMs = DEFAULT_TIMEOUT_MS) {
      const found = take(match)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const wake = () => {
          const mail = take(match)
          if (!mail) return
          clearTimeout(timer)
          waiters.delete(wake)
          resolve(mail)
        }
        const timer = setTimeout(() => {
          waiters.delete(wake)
          reject(new Error(`no matching mail within ${timeoutMs} ms (${mails.length} received)`))
        }, timeoutMs)
        waiters.add(wake)
      })
    },
    stop,
    restart: listen,
  }
}

/**
 * The token of the link to `path` (`/verify-email`) in a mail's text part (`…/verify-email#token=…`).
 * Throws when the mail has no such link.
 */
export function linkToken (mail: Pick<ReceivedMail, 'text'>, path: string): string {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const found = new RegExp(`https?://[^\\s]*${escaped}#token=([A-Za-z0-9_-]+)`).exec(mail.text)
  if (!found) throw new Error(`the mail has no link to ${path}`)
  return found[1]!
}
