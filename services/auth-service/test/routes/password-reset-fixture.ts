import { and, asc, eq, inArray } from 'drizzle-orm'
import { createTestDatabase, type Teardown } from '@rekam/testing'
import { linkToken, startMailServer, type ReceivedMail } from '@rekam/testing/mail'
import { buildApp } from '../../src/app.js'
import { mailOutbox, securityEvents } from '../../src/db/schema.js'
import { captureLogs, testEnv } from '../helper.js'

export const REQUESTED = { success: true, data: null, message: 'If an account has this address, a link to reset its password is on its way; it works once, for 30 minutes' }
export const RESET = { success: true, data: null, message: 'Password reset; every session was signed out. Sign in with the new password' }
export const NEW_PASSWORD = 'lantern orbit mango quarry'
export const PER_EMAIL = 3
export const PER_ADDRESS = 60

export const errorOf = (code: string, message: string, requestId: unknown, details?: unknown[]) =>
  ({ success: false, error: { code, message, ...(details ? { details } : {}), requestId } })

/**
 * auth-service on its own database with a real SMTP server, a clock the test moves and its log
 * lines captured, and the calls and reads the password-reset tests share.
 */
export async function passwordResetFixture (t: Teardown) {
  const mail = await startMailServer(t)
  const clock = { now: Date.now() }
  const logs = captureLogs()
  const database = await createTestDatabase(t)
  const env = { MAIL_REQUESTS_PER_ADDRESS: String(PER_EMAIL), RATE_LIMIT_EMAIL_LINKS: String(PER_ADDRESS) }
  const app = await buildApp({ logLevel: 'info', logStream: logs.stream, now: () => clock.now, env: testEnv(database, { ...env, SMTP_URL: mail.url }) })
  t.teardown(() => app.close())
  await app.ready()

  /** A request from `ip` (each part of the file its own address, so the per-address limit is its own). */
  const requestReset = (email: string, ip = '127.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email }, remoteAddress: ip })
  const confirm = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload })
  /** The link mailed to `email` for a request just answered: its token. */
  async function mailedToken (email: string): Promise<{ token: string, mail: ReceivedMail }> {
    await app.afterAnswer.settled()
    const received = await mail.next((m) => m.to.includes(email) && m.text.includes('/reset-password#token='))
    return { token: linkToken(received, '/reset-password'), mail: received }
  }
  /** The reset mails written for `email` (sent or not). */
  async function resetMailsTo (email: string) {
    await app.afterAnswer.settled()
    return app.db.select({ id: mailOutbox.id }).from(mailOutbox).where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.template, 'password-reset')))
  }
  const eventsOf = async (userId: string, types: Array<typeof securityEvents.$inferSelect.type>) =>
    (await app.db.select({ type: securityEvents.type, reason: securityEvents.reason, actorUserId: securityEvents.actorUserId })
      .from(securityEvents).where(and(eq(securityEvents.userId, userId), inArray(securityEvents.type, types)))
      .orderBy(asc(securityEvents.createdAt), asc(securityEvents.id))).map((row) => ({ ...row }))

  return { app, mail, clock, logs, database, env, requestReset, confirm, mailedToken, resetMailsTo, eventsOf }
}
