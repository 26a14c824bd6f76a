/**
 * Email verification in the built portal, in a real browser, with a real SMTP server behind
 * auth-service: a patient registers, is told to check their mail, asks for a new link ("send a
 * new link"), sees the account's "not verified" notice, finds the first link void, opens the
 * second mail's link, sees the address verified (in both languages, the switch saving the
 * account's language), and the spent link refused.
 */
import { existsSync } from 'node:fs'
import { linkToken } from '@rekam/testing/mail'
import { serviceDatabase } from '@rekam/testing/e2e'
import t from 'tap'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, openFromMenu, screenshot, seriousViolations, type Language } from './helpers/browser.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const m = (language: Language) => catalogs[language].messages
const err = (language: Language) => catalogs[language].codes.errors

t.test('verify an email address from the mailed link', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t)
  const mail = stack.mail
  const browser = await launchBrowser(t)
  const { context, page, problems } = await openContext(browser, 'en')
  t.teardown(() => context.close())
  const email = `lina.${Date.now()}@example.com`

  await page.goto(`${stack.url}/register`)
  await page.getByLabel(m('en')['register.fullName']).fill('Lina Marlina')
  await page.getByLabel(m('en')['register.username']).fill(`lina${Date.now()}`)
  await page.getByLabel(m('en')['register.email']).fill(email)
  await page.getByLabel(m('en')['register.password']).fill('velvet-harbor-quartz')
  await page.getByRole('button', { name: m('en')['register.submit'] }).click()
  await page.getByRole('heading', { name: m('en')['checkMail.title'] }).waitFor()
  await t.resolves(page.getByText(m('en')['checkMail.sent'].replace('{email}', email)).waitFor(), 'where the link went')
  t.strictSame(await seriousViolations(page), [], 'axe: check your mail')
  await screenshot(page, 'check-mail', 'en')

  const received = await mail.next(email)
  t.equal(received.subject, 'Verify your email address for rekam', 'mailed in the portal\'s language')
  const firstLink = `${stack.url}/verify-email#token=${linkToken(received, '/verify-email')}`
  t.ok(received.text.includes(firstLink), 'the link opens this portal, the token in the fragment')

  // "Send a new link": a second mail, whose link is the one that works from now on.
  await page.getByRole('button', { name: m('en')['resend.submit'] }).click()
  await t.resolves(page.getByRole('status').getByText(m('en')['resend.sent']).waitFor(), 'a new link is on its way')
  const resent = await mail.next(email)
  t.equal(resent.subject, 'Verify your email address for rekam', 'the second mail')
  const link = `${stack.url}/verify-email#token=${linkToken(resent, '/verify-email')}`
  t.not(link, firstLink, 'a new token')

  await page.getByRole('button', { name: m('en')['checkMail.continue'] }).click()
  await page.getByRole('heading', { name: m('en')['records.title'] }).waitFor()
  await openFromMenu(page, m('en')['nav.account'])
  await t.resolves(page.getByRole('status').getByText(m('en')['account.unverified']).waitFor(), 'the account says the address is not verified')

  // The first link stopped working when the second was sent.
  await page.goto(firstLink)
  await t.resolves(page.getByRole('alert').getByText(err('en').EMAIL_TOKEN_INVALID).waitFor(), 'the first link is refused')
  await page.getByRole('link', { name: m('en')['verifyEmail.continue'] }).click()
  await page.getByRole('heading', { name: m('en')['records.title'] }).waitFor()

  await page.goto(link)
  await t.resolves(page.getByRole('status').getByText(m('en')['verifyEmail.done']).waitFor(), 'verified by the second link')
  t.equal(new URL(page.url()).hash, '', 'the token left the address bar')
  t.strictSame(await seriousViolations(page), [], 'axe: verified')
  await screenshot(page, 'verify-email', 'en')

  // The switch, for a signed-in user, also saves the account's language (the mail's).
  const saved = page.waitForResponse((res) => res.url().endsWith('/api/auth/profile') && res.request().method() === 'PUT')
  await page.getByLabel(m('en')['app.language']).selectOption('id')
  await page.getByRole('heading', { name: m('id')['verifyEmail.title'] }).waitFor()
  await t.resolves(page.getByRole('status').getByText(m('id')['verifyEmail.done']).waitFor(), 'the result in Indonesian')
  t.equal((await saved).status(), 200)
  const [row] = await serviceDatabase(t, stack.auth)`select locale, email_verified_at is not null as verified from users where email = ${email}`
  t.strictSame({ ...row }, { locale: 'id', verified: true }, 'stored: verified, in Indonesian')

  // Offline while switching: the page switches, an alert says the account's language was not
  // saved, and "try again" saves it once the network is back.
  const profilePut = (res: { url (): string, request (): { method (): string } }) => res.url().endsWith('/api/auth/profile') && res.request().method() === 'PUT'
  await page.route('**/api/auth/profile', (route) => route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.fallback())
  await page.getByLabel(m('id')['app.language']).selectOption('en')
  await t.resolves(page.getByRole('alert').getByText(m('en')['app.languageNotSaved']).waitFor(), 'a failed save is said, in the new language')
  t.strictSame(await seriousViolations(page), [], 'axe: the failed save')
  await page.unroute('**/api/auth/profile')
  const retried = page.waitForResponse(profilePut)
  await page.getByRole('button', { name: m('en')['app.languageRetry'] }).click()
  t.equal((await retried).status(), 200, 'saved on the second try')
  await t.resolves(page.getByText(m('en')['app.languageNotSaved']).waitFor({ state: 'detached' }), 'the alert is gone')
  const [english] = await serviceDatabase(t, stack.auth)`select locale from users where email = ${email}`
  t.equal(english?.locale, 'en', 'stored: English')
  const back = page.waitForResponse(profilePut)
  await page.getByLabel(m('en')['app.language']).selectOption('id')
  t.equal((await back).status(), 200, 'and back to Indonesian')

  await page.getByRole('link', { name: m('id')['verifyEmail.continue'] }).click()
  await openFromMenu(page, m('id')['nav.account'])
  t.equal(await page.getByText(m('id')['account.unverified']).count(), 0, 'no notice once verified')

  await page.goto(link)
  await t.resolves(page.getByRole('alert').getByText(err('id').EMAIL_TOKEN_INVALID).waitFor(), 'a spent link is refused')
  t.strictSame(problems, [], 'no console errors (a CSP violation would be one)')
})
