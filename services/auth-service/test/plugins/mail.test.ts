import { linkToken, startMailServer } from '@rekam/testing/mail'
import { eq } from 'drizzle-orm'
import t from 'tap'
import { emailTokens, mailOutbox, users } from '../../src/db/schema.js'
import { hashEmailToken } from '../../src/services/email-tokens.js'
import { retryDelayMs } from '../../src/services/mail-sender.js'
import { buildTestApp, captureLogs, register } from '../helper.js'

/**
 * The mail core on one app and one real SMTP server: the outbox follows its transaction, an SMTP
 * outage delays mail without losing or doubling it, bodies are erased once sent, links never
 * reach the logs; the single-use tokens mailed links carry; notices.
 */
const mailServer = await startMailServer(t)
const logs = captureLogs()
let clock = Date.now()
const app = await buildTestApp(t, { env: { SMTP_URL: mailServer.url }, now: () => clock, logStream: logs.stream })

const outboxRows = () => app.db.select().from(mailOutbox)
const verifyMail = (to: string, token: string, name = 'Siti') => ({
  to,
  userId: null,
  locale: 'en' as const,
  template: 'verify-email' as const,
  params: { name, url: app.mail.link('/verify-email', token), validHours: 24 },
})

t.test('a mail queued in a transaction that rolls back is never written nor sent', async (t) => {
  await t.rejects(app.db.transaction(async (tx) => {
    t.equal(await app.mail.enqueue(tx, verifyMail('rolled-back@example.test', 'never-sent')), true)
    throw new Error('the change failed')
  }), { message: 'the change failed' })
  await app.mailSender.idle()
  t.equal(await app.mailSender.deliverDue(), 0)
  t.strictSame(await outboxRows(), [])
  t.strictSame(mailServer.mails, [])
})

t.test('SMTP down: the mail waits, backs off, and goes out exactly once when the server is back', async (t) => {
  await mailServer.stop()
  const to = 'outage@example.test'
  await app.db.transaction((tx) => app.mail.enqueue(tx, verifyMail(to, 'outage-token', '<b>Siti & co</b>')))
  await app.mailSender.idle()
  const [queued] = await outboxRows()
  t.match(queued, { toAddress: to, template: 'verify-email', locale: 'en', attempts: 1, sentAt: null, lockedUntil: null, lastError: /\S/ })
  t.equal(queued!.nextAttemptAt.getTime(), clock + retryDelayMs(1), 'retried after the first backoff')
  t.match(logs.entries.find((entry) => entry.msg === 'mail delivery failed: retrying later'), { mailId: queued!.id, template: 'verify-email', attempts: 1 })

  await mailServer.restart()
  t.equal(await app.mailSender.deliverDue(), 0, 'not before its backoff has passed')
  clock += retryDelayMs(1)
  t.equal(await app.mailSender.deliverDue(), 1)
  const mail = await mailServer.next(to)
  t.equal(mail.subject, 'Verify your email address for rekam')
  t.equal(mail.from, '"rekam" <no-reply@localhost>')
  t.equal(linkToken(mail, '/verify-email'), 'outage-token')
  t.match(mail.text, /^Hello <b>Siti & co<\/b>,\n/, 'the text part as written')
  t.ok(mail.html.includes('Hello &lt;b&gt;Siti &amp; co&lt;/b&gt;,'), 'the HTML part escaped')

  clock += retryDelayMs(10)
  t.equal(await app.mailSender.deliverDue(), 0, 'a sent mail is never sent again')
  t.equal(mailServer.mails.filter((received) => received.to.includes(to)).length, 1)
  const [sent] = await app.db.select().from(mailOutbox).where(eq(mailOutbox.id, queued!.id))
  t.match(sent, { sentAt: new Date(clock - retryDelayMs(10)), textBody: null, htmlBody: null, lockedUntil: null, lastError: null }, 'bodies erased once sent')
})

t.test('a mail that expires before the server is back is dropped, with a warning naming only its id and template', async (t) => {
  await mailServer.stop()
  const to = 'expired@example.test'
  await app.db.transaction((tx) => app.mail.enqueue(tx, { ...verifyMail(to, 'expired-token'), expiresAt: new Date(clock + 60_000) }))
  await app.mailSender.idle()
  await mailServer.restart()
  clock += 120_000
  t.equal(await app.mailSender.deliverDue(), 0)
  const [dropped] = await app.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to))
  t.match(dropped, { sentAt: null, droppedAt: new Date(clock), textBody: null, htmlBody: null })
  const warning = logs.entries.find((entry) => entry.msg === 'mail expired before it could be delivered: dropped')
  t.strictSame(warning && { mailId: warning.mailId, template: warning.template, level: warning.level }, { mailId: dropped!.id, template: 'verify-email', level: 40 })
  t.equal(mailServer.mails.filter((received) => received.to.includes(to)).length, 0)
})

t.test('email tokens: hashed, single use, expiring with the app clock, a newer one voids the older', async (t) => {
  const user = await register(app)
  const issue = () => app.db.transaction((tx) => app.emailTokens.issue(tx, { userId: user.user.id, purpose: 'VERIFY_EMAIL', email: user.user.email, ttlSeconds: 3600 }))
  const older = await issue()
  const token = await issue()
  t.equal(await app.emailTokens.peek(older, 'VERIFY_EMAIL'), undefined, 'the newer token voided the older')
  t.match(await app.emailTokens.peek(token, 'VERIFY_EMAIL'), { userId: user.user.id, email: user.user.email, usedAt: null })
  t.equal(await app.emailTokens.peek(token, 'PASSWORD_RESET'), undefined, 'bound to its purpose')
  t.strictSame(await app.db.select().from(emailTokens).where(eq(emailTokens.tokenHash, token)), [], 'never stored as is')
  t.equal((await app.db.select().from(emailTokens).where(eq(emailTokens.tokenHash, hashEmailToken(token)))).length, 1, 'its SHA-256 is')

  const consumed = await app.db.transaction((tx) => app.emailTokens.consume(tx, token, 'VERIFY_EMAIL'))
  t.match(consumed, { userId: user.user.id, usedAt: new Date(clock) })
  t.equal(await app.db.transaction((tx) => app.emailTokens.consume(tx, token, 'VERIFY_EMAIL')), undefined, 'single use')

  const expiring = await issue()
  clock += 3600_000
  t.equal(await app.emailTokens.peek(expiring, 'VERIFY_EMAIL'), undefined, 'expired')
})

t.test('notify: a notification row and the notice mail in the user\'s language', async (t) => {
  const user = await register(app)
  const [row] = await app.db.select().from(users).where(eq(users.id, user.user.id))
  const notification = await app.db.transaction((tx) => app.notifications.notify(tx, row!, 'MFA_FACTOR_ADDED', { factor: 'Phone', ip: '203.0.113.9' }))
  t.match(notification, { userId: user.user.id, type: 'MFA_FACTOR_ADDED', details: { factor: 'Phone', ip: '203.0.113.9' }, readAt: null })
  // Registration mailed its verification link first.
  const mail = await mailServer.next((received) => received.to.includes(user.user.email) && !received.text.includes('/verify-email'))
  t.equal(mail.subject, 'Faktor kedua ditambahkan ke akun rekam Anda')
  t.match(mail.text, /Faktor kedua "Phone" baru saja ditambahkan ke akun Anda\.\n\nAlamat IP: 203\.0\.113\.9\n\nBuka akun saya:\nhttp:\/\/localhost:3000\/account\n/)
})

t.test('no log line holds an address, a link, a token or a body', async (t) => {
  await app.mailSender.idle()
  const logged = JSON.stringify(logs.entries)
  for (const secret of ['outage-token', 'expired-token', 'never-sent', '#token=', '@example.test', 'Siti']) {
    t.notOk(logged.includes(secret), `no ${secret}`)
  }
  t.ok(logs.entries.some((entry) => entry.msg === 'mail sent'), 'the logs were captured')
})
