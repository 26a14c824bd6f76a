/**
 * Step-up in the built portal, in a real browser, against the real services whose clocks the
 * test moves (no sleeping): a doctor's sign-in older than STEP_UP_MAX_AGE deletes a record (with
 * its reason) through the "confirm it is you" dialog (password and authenticator code; a wrong code is
 * refused in words), an admin resets a doctor's second factors through it (Escape cancels,
 * and nothing changes), the doctor signs out everywhere through it, and a patient without a
 * second factor asks for an email change with the password alone (a real SMTP server takes the
 * link). axe-core on the dialog.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { DEMO_ACCOUNTS } from '@rekam/demo-data'
import { DEMO } from '@rekam/testing/e2e'
import { startMailServer } from '@rekam/testing/mail'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, openFromMenu, screenshot, seriousViolations } from './helpers/browser.js'
import { ServiceClock } from './helpers/service-clock.js'
import { signIn, totpCode } from './helpers/sign-in.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages
const id = catalogs.id.messages
/** One move makes every sign-in older than STEP_UP_MAX_AGE (300 s). */
const clock = new ServiceClock(301_000)

/** The authenticator's code of a demo account at the services' time. */
function codeNow (email: string): string {
  const secret = DEMO_ACCOUNTS.find((a) => a.email === email)?.totpSecret
  if (!secret) throw new Error(`${email} has no demo authenticator`)
  return totpCode(secret, Math.floor(clock.now() / 30_000))
}

t.test('step-up in the portal', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const mailServer = await startMailServer(t)
  const stack = await startPortalStack(t, { ...clock.env, auth: { ...clock.env.auth, SMTP_URL: mailServer.url } })
  const browser = await launchBrowser(t)
  const doctor = await openContext(browser, 'en')
  const admin = await openContext(browser, 'id')
  const patient = await openContext(browser, 'en')
  t.teardown(() => Promise.all([doctor.context.close(), admin.context.close(), patient.context.close()]))
  await signIn(doctor.page, stack.url, 'en', DEMO.sari)
  await signIn(admin.page, stack.url, 'id', DEMO.admin)
  await signIn(patient.page, stack.url, 'en', DEMO.andi)
  // Every sign-in is now 301 s old on the services' clocks.
  await clock.advance(stack)

  t.test('a doctor deletes a record after confirming with the authenticator', async (t) => {
    const { page, problems } = doctor
    await openFromMenu(page, en['records.staffTitle'])
    await page.getByRole('row').filter({ hasText: 'dr. Sari Wulandari' }).first().getByRole('link').click()
    const remove = page.getByRole('button', { name: en['record.delete'] })
    await remove.waitFor()
    const recordUrl = page.url()
    await remove.click()
    await page.getByLabel(en['record.deleteReason']).fill('Written in the wrong patient\'s chart')
    await page.getByRole('button', { name: en['record.deleteConfirm'] }).click()

    const dialog = page.getByRole('dialog', { name: en['stepUp.title'] })
    await dialog.waitFor()
    await t.resolves(dialog.getByText(en['stepUp.introFactor']).waitFor(), 'it asks for the password and a code')
    t.equal(await page.evaluate('document.activeElement.getAttribute("autocomplete")'), 'current-password', 'focus is on the password')
    t.strictSame(await seriousViolations(page), [], 'axe: the step-up dialog')
    await screenshot(page, 'step-up', 'en')

    await dialog.getByLabel(en['stepUp.password']).fill(DEMO.sari.password)
    await dialog.getByLabel(en['mfa.code']).fill('000000')
    await dialog.getByRole('button', { name: en['stepUp.submit'] }).click()
    await t.resolves(dialog.getByRole('alert').getByText(catalogs.en.codes.errors.MFA_CODE_INVALID).waitFor(), 'a wrong code is refused, in words')

    await dialog.getByLabel(en['mfa.code']).fill(codeNow(DEMO.sari.email))
    await dialog.getByRole('button', { name: en['stepUp.submit'] }).click()
    await page.waitForURL(/\/records\?patientId=/)
    t.equal(await dialog.count(), 0, 'the dialog is gone')
    await page.goto(recordUrl)
    await t.resolves(page.getByRole('alert').getByText(catalogs.en.codes.errors.NOT_FOUND).waitFor(), 'the record was deleted by the retried request')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('an admin resets a doctor\'s second factors through the dialog', async (t) => {
    const { page, problems } = admin
    await openFromMenu(page, id['nav.users'])
    await page.getByLabel(id['users.search']).fill('budi')
    await page.getByRole('button', { name: id['patients.searchButton'] }).click()
    const reset = page.getByRole('button', { name: `${id['users.resetFactors']} dr. Budi Santoso` })
    await reset.waitFor()
    const dialog = page.getByRole('dialog', { name: id['stepUp.title'] })

    page.once('dialog', (confirm) => { confirm.accept().catch(() => {}) })
    await reset.click()
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await t.resolves(page.getByRole('alert').getByText(catalogs.id.codes.errors.STEP_UP_REQUIRED).waitFor(), 'cancelled: nothing is reset, and the page says why')

    page.once('dialog', (confirm) => { confirm.accept().catch(() => {}) })
    await reset.click()
    await dialog.getByLabel(id['stepUp.password']).fill(DEMO.admin.password)
    await dialog.getByLabel(id['mfa.code']).fill(codeNow(DEMO.admin.email))
    t.strictSame(await seriousViolations(page), [], 'axe: the step-up dialog (id)')
    await screenshot(page, 'step-up', 'id')
    await dialog.getByRole('button', { name: id['stepUp.submit'] }).click()
    await t.resolves(page.getByRole('status').getByText(id['users.factorsReset'].replace('{name}', 'dr. Budi Santoso')).waitFor(), 'reset, in words')

    // dr. Budi's password alone now leads to setting up a new authenticator.
    const login = await fetch(`${stack.auth.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.budi.email, password: DEMO.budi.password }),
    })
    const { data } = await login.json() as { data: { mfaEnrollmentRequired?: boolean } }
    t.equal(data.mfaEnrollmentRequired, true, 'dr. Budi enrolls again at the next sign-in')
    t.strictSame(problems, [], 'no console errors')
  })
  t.test('the doctor signs out everywhere after confirming again', async (t) => {
    const { page, problems } = doctor
    // The step-up of the first test is now 301 s old too.
    await clock.advance(stack)
    await openFromMenu(page, en['nav.sessions'])
    await page.getByRole('button', { name: en['sessions.signOutEverywhere'] }).click()
    const dialog = page.getByRole('dialog', { name: en['stepUp.title'] })
    await dialog.getByLabel(en['stepUp.password']).fill(DEMO.sari.password)
    await dialog.getByLabel(en['mfa.code']).fill(codeNow(DEMO.sari.email))
    await dialog.getByRole('button', { name: en['stepUp.submit'] }).click()
    await t.resolves(page.getByRole('status').getByText(en['signIn.reason.SIGNED_OUT']).waitFor(), 'signed out, in words')
    t.equal(new URL(page.url()).pathname, '/sign-in')
    t.strictSame(problems, [], 'no console errors')
  })
  t.test('a patient without a second factor confirms an email change with the password', async (t) => {
    const { page, problems } = patient
    await openFromMenu(page, en['nav.account'])
    await page.getByLabel(en['account.email'], { exact: true }).fill('andi.new@example.test')
    await page.getByLabel(en['account.currentPasswordForEmail']).fill(DEMO.andi.password)
    await page.getByRole('button', { name: en['email.submit'] }).click()
    const dialog = page.getByRole('dialog', { name: en['stepUp.title'] })
    await dialog.waitFor()
    await t.resolves(dialog.getByText(en['stepUp.intro']).waitFor(), 'it asks for the password only')
    t.equal(await dialog.getByLabel(en['mfa.code']).count(), 0, 'and for no code')
    await dialog.getByLabel(en['stepUp.password']).fill(DEMO.andi.password)
    await dialog.getByRole('button', { name: en['stepUp.submit'] }).click()
    await t.resolves(page.getByRole('status').getByText(en['email.sent'].replace('{email}', 'andi.new@example.test')).waitFor(), 'asked after the step-up')
    t.equal((await mailServer.next('andi.new@example.test')).subject, 'Konfirmasi alamat email baru Anda di rekam', 'the link went out')
    // Cancelled again: andi keeps his demo address.
    await page.getByRole('button', { name: en['email.cancel'] }).click()
    await t.resolves(page.getByRole('status').getByText(en['email.cancelled']).waitFor(), 'cancelled')
    t.strictSame(problems, [], 'no console errors')
  })
})
