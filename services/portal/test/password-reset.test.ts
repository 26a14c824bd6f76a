/**
 * Password reset in the built portal, in a real browser, against the real services and a real
 * SMTP server: a doctor with an authenticator asks for a link from the sign-in page, opens the
 * mailed link, chooses a new password, confirms it with the authenticator's code and signs in
 * with it (Indonesian); an admin sends a patient a link from the users page, and the patient sets
 * a new password with it and signs in (English). axe-core on every new page.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { DEMO } from '@rekam/testing/e2e'
import { linkToken } from '@rekam/testing/mail'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, screenshot, seriousViolations } from './helpers/browser.js'
import { nextTotpCode, signIn } from './helpers/sign-in.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages
const id = catalogs.id.messages

t.test('password reset in the portal', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t)
  const mail = stack.mail
  const browser = await launchBrowser(t)
  /** The reset link the last mail to `email` carries, as the portal's address. */
  const resetLink = async (email: string) => `${stack.url}/reset-password#token=${linkToken(await mail.next(email), '/reset-password')}`

  t.test('a doctor with an authenticator resets the password from the sign-in page', async (t) => {
    const { context, page, problems } = await openContext(browser, 'id')
    t.teardown(() => context.close())
    await page.goto(`${stack.url}/sign-in`)
    await page.getByRole('link', { name: id['signIn.forgot'] }).click()
    await page.getByRole('heading', { name: id['forgot.title'], level: 1 }).waitFor()
    await page.getByLabel(id['forgot.email']).fill(DEMO.sari.email)
    await page.getByRole('button', { name: id['forgot.submit'] }).click()
    await t.resolves(page.getByRole('status').getByText(id['forgot.sent']).waitFor(), 'the same confirmation for any address')
    t.strictSame(await seriousViolations(page), [], 'axe: forgot password')
    await screenshot(page, 'forgot-password', 'id')

    await page.goto(await resetLink(DEMO.sari.email))
    await page.getByRole('heading', { name: id['reset.title'], level: 1 }).waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: reset page')
    const password = 'kopi tubruk pagi hari'
    await page.getByLabel(id['reset.newPassword'], { exact: true }).fill(password)
    await page.getByLabel(id['reset.repeat']).fill(`${password}!`)
    await page.getByRole('button', { name: id['reset.submit'] }).click()
    await t.resolves(page.getByRole('alert').getByText(id['reset.mismatch']).waitFor(), 'two different passwords are caught')
    await page.getByLabel(id['reset.repeat']).fill(password)
    await page.getByRole('button', { name: id['reset.submit'] }).click()

    // The account has an authenticator: the reset needs it.
    await page.getByRole('heading', { name: id['mfa.step.title'] }).waitFor()
    await t.resolves(page.getByText(id['reset.factor']).waitFor(), 'the factor step says why')
    t.strictSame(await seriousViolations(page), [], 'axe: the reset\'s factor step')
    await screenshot(page, 'reset-password-factor', 'id')
    await page.getByLabel(id['mfa.code']).fill(nextTotpCode(DEMO.sari.email))
    await page.getByRole('button', { name: id['mfa.step.submit'] }).click()
    await t.resolves(page.getByRole('status').getByText(id['reset.done']).waitFor(), 'the password is changed')

    await page.getByRole('link', { name: id['reset.signIn'] }).click()
    await page.getByRole('heading', { name: id['signIn.title'], level: 1 }).waitFor()
    await signIn(page, stack.url, 'id', { email: DEMO.sari.email, password })
    await page.getByRole('heading', { name: id['patients.title'], level: 1 }).waitFor()
    t.equal(new URL(page.url()).pathname, '/patients', 'signed in with the new password')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('an admin sends a patient a link; the patient sets a new password with it', async (t) => {
    const admin = await openContext(browser, 'en')
    t.teardown(() => admin.context.close())
    await signIn(admin.page, stack.url, 'en', DEMO.admin)
    await admin.page.getByRole('heading', { name: en['users.title'], level: 1 }).waitFor()
    await admin.page.getByLabel(en['users.search']).fill(DEMO.andi.email)
    await admin.page.getByRole('button', { name: en['patients.searchButton'] }).click()
    admin.page.once('dialog', (dialog) => { dialog.accept().catch(() => {}) })
    await admin.page.getByRole('row', { name: new RegExp(DEMO.andi.email) }).getByRole('button', { name: new RegExp(`^${en['users.sendReset']}`) }).click()
    await t.resolves(admin.page.getByRole('status').getByText(/A password reset link is on its way/).waitFor(), 'the admin is told it was sent, without the link')
    t.strictSame(await seriousViolations(admin.page), [], 'axe: users page with the reset action')
    t.strictSame(admin.problems, [], 'no console errors (admin)')

    const patient = await openContext(browser, 'en')
    t.teardown(() => patient.context.close())
    const { page } = patient
    await page.goto(await resetLink(DEMO.andi.email))
    await page.getByRole('heading', { name: en['reset.title'], level: 1 }).waitFor()
    const password = 'harbour lantern seventeen'
    await page.getByLabel(en['reset.newPassword'], { exact: true }).fill(password)
    await page.getByLabel(en['reset.repeat']).fill(password)
    await page.getByRole('button', { name: en['reset.submit'] }).click()
    await t.resolves(page.getByRole('status').getByText(en['reset.done']).waitFor(), 'no second factor: changed at once')
    t.strictSame(await seriousViolations(page), [], 'axe: password changed')
    await page.getByRole('link', { name: en['reset.signIn'] }).click()
    await signIn(page, stack.url, 'en', { email: DEMO.andi.email, password })
    await page.getByRole('heading', { name: en['records.title'], level: 1 }).waitFor()
    t.equal(new URL(page.url()).pathname, '/records', 'signed in with the new password')
    t.strictSame(patient.problems, [], 'no console errors (patient)')
  })
})
