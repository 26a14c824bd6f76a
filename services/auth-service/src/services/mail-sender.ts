import { loggable } from '@rekam/errors'
import type { FastifyBaseLogger } from 'fastify'
import type { MailOutboxRepository } from '../plugins/app/mail-outbox-repository.js'

/** What the sender needs of a nodemailer transport. */
export interface MailTransport {
  sendMail (mail: { from: string, to: string, subject: string, text: string, html: string }): Promise<unknown>
  close (): void
}

export interface MailSenderDeps {
  outbox: MailOutboxRepository
  /** Null when no SMTP server is configured: nothing is ever queued then. */
  transport: MailTransport | null
  from: string
  log: FastifyBaseLogger
  now: () => number
}

/**
 * A claim lasts this long. nodemailer gives up on a connection well within it (see the transport's
 * timeouts), so a live sender always marks its mail before another may take the mail over.
 */
export const CLAIM_MS = 5 * 60_000

/** Mails sent per run at most, so one run never holds the sender for long. */
const RUN_LIMIT = 50

/** First retry after 30 s, then doubling, at most hourly: an outage of hours costs a few attempts. */
export function retryDelayMs (attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 3_600_000)
}

interface SmtpError { code?: unknown, responseCode?: unknown, message?: unknown }

/** What is kept of a failure: the error's code, SMTP reply code and message (never the mail). */
function describe (err: unknown): { code: string, responseCode?: number, text: string } {
  const { code, responseCode, message } = (err ?? {}) as SmtpError
  const codeText = typeof code === 'string' ? code : 'ERROR'
  const reply = typeof responseCode === 'number' ? responseCode : undefined
  return { code: codeText, ...(reply ? { responseCode: reply } : {}), text: `${codeText}${reply ? ` ${reply}` : ''}: ${String(message ?? '').slice(0, 500)}` }
}

/**
 * Delivers the outbox. Each mail is claimed (`locked_until`), sent, then marked sent with its
 * bodies erased; a failure backs off exponentially; a mail past its expiry is dropped unsent.
 *
 * Duplicate window: a mail is marked sent right after the SMTP server accepts it. If the process
 * dies between the two (or the mark cannot be written), the claim runs out and the mail is sent
 * again: the only way a mail goes out twice. Nothing is ever lost: a mail stays queued until it is
 * marked sent or expires.
 *
 * Logs name a mail by its id and template only: never its address, link or body.
 */
export function createMailSender (deps: MailSenderDeps) {
  const { outbox, transport, from, log, now } = deps
  let running: Promise<number> | null = null
  let queued: Promise<number> | null = null
  let closed = false
  const kicks = new Set<Promise<unknown>>()

  /** One mail; false when the server could not be reached or refused it (the rest wait). */
  async function deliverOne (): Promise<'sent' | 'failed' | 'dropped' | 'none'> {
    const at = now()
    const mail = await outbox.claimNext(new Date(at), new Date(at + CLAIM_MS))
    if (!mail) return 'none'
    const meta = { mailId: mail.id, template: mail.template }
    if (mail.expiresAt.getTime() <= at) {
      await outbox.drop(mail.id, new Date(at))
      log.warn(meta, 'mail expired before it could be delivered: dropped')
      return 'dropped'
    }
    try {
      await transport!.sendMail({ from, to: mail.toAddress, subject: mail.subject, text: mail.textBody ?? '', html: mail.htmlBody ?? '' })
    } catch (err) {
      const attempts = mail.attempts + 1
      const failure = describe(err)
      await outbox.markFailed(mail.id, { attempts, nextAttemptAt: new Date(now() + retryDelayMs(attempts)), lastError: failure.text })
      log.warn({ ...meta, attempts, code: failure.code, responseCode: failure.responseCode }, 'mail delivery failed: retrying later')
      return 'failed'
    }
    await outbox.markSent(mail.id, new Date(now()))
    log.info(meta, 'mail sent')
    return 'sent'
  }

  async function run (): Promise<number> {
    if (!transport || closed) return 0
    let sent = 0
    for (let i = 0; i < RUN_LIMIT; i++) {
      const outcome = await deliverOne()
      // A failure most often means the server is unreachable: the others would fail alike.
      if (outcome === 'none' || outcome === 'failed') break
      if (outcome === 'sent') sent++
    }
    return sent
  }

  /**
   * Runs one after the other in this process: a call while a run is going waits for it and then
   * runs again (calls meanwhile share that next run), so mail due when it was called is tried.
   */
  function deliverDue (): Promise<number> {
    if (queued) return queued
    if (!running) {
      running = run().finally(() => { running = null })
      return running
    }
    const after = running.catch(() => 0).then(() => {
      queued = null
      running = run().finally(() => { running = null })
      return running
    })
    queued = after
    return after
  }

  return {
    deliverDue,

    /** After the enqueuing transaction ends (see the outbox's commit lock), delivers at once. */
    kick (mailId: string): void {
      if (!transport || closed) return
      const kick = outbox.afterCommit(mailId)
        .then(() => deliverDue())
        .catch((err: unknown) => log.warn({ err: err instanceof Error ? loggable(err) : err, mailId }, 'mail delivery run failed: the timer retries'))
        .finally(() => kicks.delete(kick))
      kicks.add(kick)
    },

    /** Resolves when no kick or run is under way (tests: everything queued so far was tried). */
    async idle (): Promise<void> {
      const busy = () => kicks.size > 0 || running !== null || queued !== null
      while (busy()) await Promise.allSettled([...kicks, running, queued])
    },

    /** Waits for the runs under way (their mails are marked), then closes the SMTP transport. */
    async close (): Promise<void> {
      closed = true
      await Promise.allSettled([...kicks, running, queued])
      transport?.close()
    },
  }
}

export type MailSender = ReturnType<typeof createMailSender>
