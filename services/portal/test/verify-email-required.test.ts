/**
 * EMAIL_VERIFICATION=required in the built portal, in a real browser: registering opens no
 * session and tells the patient to check their mail; a sign-in before the address is verified
 * shows the same check-mail state instead of an error, "send a new link" there mails a new link
 * (the older ones stop working), and once that link is opened the sign-in goes through.
 */
import { existsSync } from 'node:fs'
import { linkToken } from '@rekam/testing/mail'
import t from 'tap'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, seriousViolations } from './helpers/browser.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages
const errors = catalogs.en.codes.errors

t.test('sign-in waits for a verified address, and a new link gets there', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t, { auth: { EMAIL_VERIFICATION: 'required' } })
  const mail = stack.mail
  const browser = await launchBrowser(t)
  const { context, page, problems } = await openContext(browser, 'en')
  t.teardown(() => context.close())
  const username = `wulan${Date.now()}`
  const email = `${username}@example.com`
  const password = 'amber-lantern-orchid'
  const verifyLink = async () => `${stack.url}/verify-email#token=${linkToken(await mail.next(email), '/verify-email')}`

  await page.goto(`${stack.url}/register`)
  await page.getByLabel(en['register.fullName']).fill('Wulan Sari')
  await page.getByLabel(en['register.username']).fill(username)
  await page.getByLabel(en['register.email']).fill(email)
  await page.getByLabel(en['register.password']).fill(password)
  await page.getByRole('button', { name: en['register.submit'] }).click()
  await page.getByRole('heading', { name: en['checkMail.title'] }).waitFor()
  await t.resolves(page.getByText(en['checkMail.signInAfter']).waitFor(), 'no session: sign in once verified')
  t.equal(await page.getByRole('button', { name: en['checkMail.continue'] }).count(), 0, 'nothing to continue to')
  const firstLink = await verifyLink()

  // A sign-in with the right password before the address is verified: the check-mail state.
  await page.getByRole('link', { name: en['checkMail.backToSignIn'] }).click()
  await page.getByLabel(en['signIn.identifier']).fill(email)
  await page.getByLabel(en['signIn.password']).fill(password)
  await page.getByRole('button', { name: en['signIn.submit'] }).click()
  await page.getByRole('heading', { name: en['checkMail.title'] }).waitFor()
  await t.resolves(page.getByText(en['checkMail.notVerified']).waitFor(), 'the sign-in says the address is not verified yet')
  t.equal(await page.getByLabel(en['resend.email']).inputValue(), email, 'the address typed at sign-in, ready for a new link')
  t.strictSame(await seriousViolations(page), [], 'axe: sign-in refused until verified')

  await page.getByRole('button', { name: en['resend.submit'] }).click()
  await t.resolves(page.getByRole('status').getByText(en['resend.sent']).waitFor(), 'a new link is on its way')
  const link = await verifyLink()
  t.not(link, firstLink, 'a new token')

  await page.goto(firstLink)
  await t.resolves(page.getByRole('alert').getByText(errors.EMAIL_TOKEN_INVALID).waitFor(), 'the first link stopped working')
  await page.getByRole('link', { name: en['verifyEmail.signIn'] }).click()
  await page.getByRole('heading', { name: en['signIn.title'] }).waitFor()
  await page.goto(link)
  await t.resolves(page.getByRole('status').getByText(en['verifyEmail.done']).waitFor(), 'verified by the new link')

  await page.getByRole('link', { name: en['verifyEmail.signIn'] }).click()
  await page.getByLabel(en['signIn.identifier']).fill(username)
  await page.getByLabel(en['signIn.password']).fill(password)
  await page.getByRole('button', { name: en['signIn.submit'] }).click()
  await t.resolves(page.getByRole('heading', { name: en['records.title'] }).waitFor(), 'signed in once verified')
  t.strictSame(problems, [], 'no console errors (a CSP violation would be one)')
})
