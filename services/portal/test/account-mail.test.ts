/**
 * The account pages that work with mail, in the built portal, in a real browser, against the real
 * services with a real SMTP server: a patient changes their email and confirms it with the link
 * the new address received, reads the notifications (new device, email changed) and marks them
 * read, then asks for their account's deletion (the step-up is their fresh sign-in) and cancels
 * it. One stack, one browser page; axe-core on every page.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { client } from '@rekam/testing/e2e'
import { linkToken, startMailServer } from '@rekam/testing/mail'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, openFromMenu, screenshot, seriousViolations } from './helpers/browser.js'
import { signIn } from './helpers/sign-in.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages
const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '')
/** Subjects of the mails this test waits for (the account's language: Indonesian, the default). */
const SUBJECTS = {
  newDevice: 'Login baru ke akun rekam Anda',
  changeRequested: 'Permintaan perubahan email akun rekam Anda',
  confirmLink: 'Konfirmasi alamat email baru Anda di rekam',
  changed: 'Alamat email akun rekam Anda diubah',
  deletionRequested: 'Permintaan penghapusan akun rekam',
  deletionCancelled: 'Penghapusan akun rekam dibatalkan',
}

t.test('email change, notifications and account deletion in the portal', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const mailServer = await startMailServer(t)
  const stack = await startPortalStack(t, { auth: { SMTP_URL: mailServer.url } })
  const browser = await launchBrowser(t)
  const mailTo = (to: string, subject: string) => mailServer.next((mail) => mail.to.includes(to) && mail.subject === subject)
  const { context, page, problems } = await openContext(browser, 'en')
  t.teardown(() => context.close())

  // Registered elsewhere (a script's User-Agent): the browser is a new device to the account.
  const account = { username: 'nadia.p', email: 'nadia.p@example.test', password: 'velvet-harbor-quartz', fullName: 'Nadia Pratiwi' }
  const registered = await client(stack.gatewayUrl).post('/api/auth/register', account)
  t.equal(registered.status, 201, 'a patient is registered')
  await signIn(page, stack.url, 'en', account)
  await t.resolves(mailTo(account.email, SUBJECTS.newDevice), 'the sign-in from a new device is mailed')

  t.test('changes the email with the link the new address received', async (t) => {
    const newEmail = 'nadia.new@example.test'
    await openFromMenu(page, en['nav.account'])
    await page.getByLabel(en['account.email'], { exact: true }).fill(newEmail)
    await page.getByLabel(en['account.currentPasswordForEmail']).fill(account.password)
    await page.getByRole('button', { name: en['email.submit'] }).click()
    await t.resolves(page.getByRole('status').getByText(fill(en['email.sent'], { email: newEmail })).waitFor(), 'the link is sent')
    const pending = page.getByRole('group', { name: fill(en['email.pending'], { email: newEmail }) })
    await t.resolves(pending.waitFor(), 'the change shows as pending')
    t.equal(await page.getByLabel(en['account.email'], { exact: true }).inputValue(), account.email, 'the address in use is still the old one')
    t.strictSame(await seriousViolations(page), [], 'axe: my account with a pending email change')
    await screenshot(page, 'account-email-pending', 'en')

    await t.resolves(mailTo(account.email, SUBJECTS.changeRequested), 'the old address is told')
    const token = linkToken(await mailTo(newEmail, SUBJECTS.confirmLink), '/confirm-email')
    await page.goto(`${stack.url}/confirm-email#token=${token}`)
    await page.getByRole('heading', { name: en['confirmEmail.title'], level: 1 }).waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: confirm the new address')
    await screenshot(page, 'confirm-email', 'en')
    await page.getByRole('button', { name: en['confirmEmail.submit'] }).click()
    await t.resolves(page.getByRole('status').getByText(fill(en['confirmEmail.done'], { email: newEmail })).waitFor(), 'confirmed')
    t.equal(new URL(page.url()).hash, '', 'the token left the address bar and the history')
    await page.getByRole('link', { name: en['confirmEmail.continue'] }).click()
    await page.getByRole('heading', { name: en['account.title'], level: 1 }).waitFor()
    // The email form appears once the account is read, with the address in use.
    const field = page.getByLabel(en['account.email'], { exact: true })
    await field.waitFor()
    t.equal(await field.inputValue(), newEmail, 'the account shows the new address')
    t.equal(await pending.count(), 0, 'nothing pending any more')
    await t.resolves(Promise.all([mailTo(newEmail, SUBJECTS.changed), mailTo(account.email, SUBJECTS.changed)]), 'both addresses hear of the change')
  })

  t.test('lists the notifications, with the unread count in the menu, and marks them read', async (t) => {
    const menuLink = page.getByRole('navigation').getByRole('link', { name: en['nav.notifications'] })
    await t.resolves(menuLink.getByText(fill(en['nav.unread'], { count: '2' })).waitFor(), 'the menu says two are unread')
    await menuLink.click()
    await page.getByRole('heading', { name: en['notifications.title'], level: 1 }).waitFor()
    const cards = page.locator('.cards > li')
    await cards.nth(1).waitFor()
    t.strictSame(await cards.getByRole('heading').allTextContents(), [
      `${en['notifications.type.EMAIL_CHANGED']}${en['notifications.new']}`,
      `${en['notifications.type.NEW_DEVICE_SIGN_IN']}${en['notifications.new']}`,
    ], 'newest first, both new')
    await t.resolves(cards.first().getByText('n***@example.test').first().waitFor(), 'addresses masked')
    await t.resolves(cards.nth(1).getByText('Chrome · Linux').waitFor(), 'the device named')
    t.strictSame(await seriousViolations(page), [], 'axe: notifications')
    await screenshot(page, 'notifications', 'en')

    await page.getByRole('button', { name: en['notifications.markAll'] }).click()
    await t.resolves(page.getByRole('status').getByText(en['notifications.allRead']).waitFor(), 'all read')
    await t.resolves(menuLink.getByText(fill(en['nav.unread'], { count: '2' })).waitFor({ state: 'detached' }), 'the menu\'s count is gone')
    await t.resolves(cards.getByText(en['notifications.new'], { exact: true }).first().waitFor({ state: 'detached' }), 'nothing is new')
    t.equal(await cards.count(), 2, 'both still listed')
  })

  t.test('asks for the account\'s deletion, sees the date, and cancels', async (t) => {
    await openFromMenu(page, en['nav.account'])
    const section = page.getByRole('region', { name: en['deletion.title'] })
    await t.resolves(section.getByText(fill(en['deletion.intro'], { days: '14' })).waitFor(), 'the cooling-off period is said before asking')
    page.once('dialog', (dialog) => { dialog.accept().catch(() => {}) })
    await section.getByRole('button', { name: en['deletion.request'] }).click()
    await t.resolves(section.getByRole('status').getByText(en['deletion.requested']).waitFor(), 'scheduled')
    await t.resolves(section.getByText(/\(14 days left\)/).waitFor(), 'with the date and the days left')
    await t.resolves(mailTo('nadia.new@example.test', SUBJECTS.deletionRequested), 'and mailed to the address in use')
    t.strictSame(await seriousViolations(page), [], 'axe: a scheduled deletion')
    await screenshot(page, 'account-deletion', 'en')

    await section.getByRole('button', { name: en['deletion.cancel'] }).click()
    await t.resolves(section.getByRole('status').getByText(en['deletion.cancelled']).waitFor(), 'cancelled')
    await t.resolves(section.getByRole('button', { name: en['deletion.request'] }).waitFor(), 'it can be asked for again')
    await t.resolves(mailTo('nadia.new@example.test', SUBJECTS.deletionCancelled), 'the cancel is mailed')
    t.strictSame(problems, [], 'no console errors (a CSP violation would be one)')
  })
})
