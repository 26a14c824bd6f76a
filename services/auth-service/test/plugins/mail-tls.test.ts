/**
 * Mail over TLS, as SMTP_URL says: `smtps://` speaks TLS from the first byte, `smtp://` upgrades
 * with STARTTLS (when offered, or always with ?requireTLS=true). Real smtp-server instances with a
 * certificate from a private CA made here (openssl): the server is trusted only through
 * SMTP_CA_FILE, never by turning certificate checks off.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { makeTestCertificates } from '@rekam/testing'
import { startMailServer, type MailServer } from '@rekam/testing/mail'
import t, { type Test } from 'tap'
import { buildApp, type AuthApp } from '../../src/app.js'
import { mailOutbox } from '../../src/db/schema.js'
import { buildTestApp } from '../helper.js'

const certificates = makeTestCertificates(t)
const tls = { key: certificates.key, cert: certificates.cert }

/** Queues one mail and waits for the sender's first attempt at it; the outbox row after that attempt. */
async function sendOne (app: AuthApp, to: string) {
  await app.db.transaction((tx) => app.mail.enqueue(tx, {
    to,
    userId: null,
    locale: 'en',
    template: 'verify-email',
    params: { name: 'Siti', url: app.mail.link('/verify-email', 'tls-token'), validHours: 24 },
  }))
  await app.mailSender.idle()
  const [row] = await app.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to))
  return row!
}

async function assertDelivered (t: Test, app: AuthApp, server: MailServer, to: string) {
  const row = await sendOne(app, to)
  t.match(row, { attempts: 0, lastError: null, sentAt: Date })
  const mail = await server.next(to)
  t.strictSame([mail.secure, mail.to, mail.subject], [true, [to], 'Verify your email address for rekam'], 'received over TLS and parsed')
  t.match(mail.text, /http:\/\/localhost:3000\/verify-email#token=tls-token/)
}

t.test('smtps://: TLS from the first byte to a server whose certificate SMTP_CA_FILE\'s CA signed', async (t) => {
  const server = await startMailServer(t, { tls: { mode: 'implicit', ...tls } })
  t.match(server.url, /^smtps:\/\/127\.0\.0\.1:\d+$/)
  const app = await buildTestApp(t, { env: { SMTP_URL: server.url, SMTP_CA_FILE: certificates.caFile } })
  await assertDelivered(t, app, server, 'implicit@example.test')
})

t.test('smtps:// without SMTP_CA_FILE: the private CA is not trusted, the mail waits in the outbox', async (t) => {
  const server = await startMailServer(t, { tls: { mode: 'implicit', ...tls } })
  const app = await buildTestApp(t, { env: { SMTP_URL: server.url } })
  const row = await sendOne(app, 'untrusted@example.test')
  t.match(row, { attempts: 1, sentAt: null, lastError: 'ESOCKET: unable to verify the first certificate' })
  t.strictSame(server.mails, [], 'nothing went out in the clear instead')
})

t.test('smtp:// to a server offering STARTTLS: upgraded, the certificate checked against SMTP_CA_FILE', async (t) => {
  const server = await startMailServer(t, { tls: { mode: 'starttls', ...tls } })
  t.match(server.url, /^smtp:\/\/127\.0\.0\.1:\d+$/)
  const app = await buildTestApp(t, { env: { SMTP_URL: server.url, SMTP_CA_FILE: certificates.caFile } })
  await assertDelivered(t, app, server, 'starttls@example.test')

  const untrusting = await buildTestApp(t, { env: { SMTP_URL: server.url } })
  const row = await sendOne(untrusting, 'starttls-untrusted@example.test')
  t.match(row, { attempts: 1, sentAt: null, lastError: 'ESOCKET: unable to verify the first certificate' }, 'no fallback to plain text past a failed upgrade')
})

t.test('smtp://...?requireTLS=true to a server without STARTTLS: refused, nothing sent in the clear', async (t) => {
  const server = await startMailServer(t)
  const app = await buildTestApp(t, { env: { SMTP_URL: `${server.url}?requireTLS=true`, SMTP_CA_FILE: certificates.caFile } })
  const row = await sendOne(app, 'required@example.test')
  t.match(row, { attempts: 1, sentAt: null, lastError: /^ETLS 500: Error upgrading connection with STARTTLS: / })
  t.strictSame(server.mails, [])
})

t.test('an SMTP_CA_FILE that is missing or holds no certificate stops the start, naming the variable', async (t) => {
  const empty = join(certificates.caFile, '..', 'empty.pem')
  writeFileSync(empty, 'not a certificate\n')
  const cases: Array<[string, string]> = [
    [join(certificates.caFile, '..', 'missing.pem'), `cannot read SMTP_CA_FILE=${join(certificates.caFile, '..', 'missing.pem')} (no such file)`],
    [empty, `SMTP_CA_FILE=${empty} holds no PEM certificate`],
  ]
  for (const [file, message] of cases) {
    await t.rejects(buildApp({ logLevel: false, env: { NODE_ENV: 'test', DATA_DIR: 'memory://', BCRYPT_COST: '4', SMTP_URL: 'smtps://127.0.0.1:465', SMTP_CA_FILE: file } }), { message })
  }
})
