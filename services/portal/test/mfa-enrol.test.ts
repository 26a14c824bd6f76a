/**
 * Enrolment at sign-in, in a real browser against the real services: a doctor the admin just
 * created, without a second factor, sets up an authenticator on the way in (the code computed from
 * the key shown as text), sees the recovery codes once, and continues to the doctor's start page.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, screenshot, seriousViolations } from './helpers/browser.js'
import { totpCode } from './helpers/sign-in.js'
import { createDoctor } from './helpers/staff.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages

t.test('enrolment at sign-in', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t)
  const browser = await launchBrowser(t)

  // The admin creates the doctor through the API; the doctor chooses a password from the link.
  const { email, password } = await createDoctor(stack, 'dr.rina', 'dr. Rina Kusuma')

  const { context, page, problems } = await openContext(browser, 'en')
  t.teardown(() => context.close())
  await page.goto(`${stack.url}/sign-in`)
  await page.getByLabel(en['signIn.identifier']).fill(email)
  await page.getByLabel(en['signIn.password']).fill(password)
  await page.getByRole('button', { name: en['signIn.submit'] }).click()
  await page.getByText(en['mfa.enrol.required']).waitFor()
  t.strictSame(await seriousViolations(page), [], 'axe: enrolment required')
  await page.getByRole('button', { name: en['mfa.enrol.start'] }).click()
  await page.getByRole('img', { name: en['mfa.setup.qrAlt'] }).waitFor()
  t.strictSame(await seriousViolations(page), [], 'axe: authenticator set-up at sign-in')
  await screenshot(page, 'sign-in-enrolment', 'en')

  const secret = (await page.getByLabel(en['mfa.setup.secret']).textContent())?.trim() ?? ''
  const code = totpCode(secret, Math.floor(Date.now() / 30_000))
  await page.getByLabel(en['mfa.code']).fill(code === '000000' ? '111111' : '000000')
  await page.getByRole('button', { name: en['mfa.setup.confirm'] }).click()
  await t.resolves(page.getByRole('alert').getByText(catalogs.en.codes.errors.MFA_CODE_INVALID).waitFor(), 'a wrong code is refused, in words')
  await page.getByLabel(en['mfa.code']).fill(code)
  await page.getByRole('button', { name: en['mfa.setup.confirm'] }).click()

  const list = page.getByRole('list', { name: en['mfa.recovery.title'] })
  await list.waitFor()
  t.equal(await list.getByRole('listitem').count(), 10, 'ten recovery codes are shown')
  t.strictSame(await seriousViolations(page), [], 'axe: recovery codes at sign-in')
  t.equal(new URL(page.url()).pathname, '/sign-in', 'the codes are shown before moving on')
  await page.getByRole('button', { name: en['mfa.recovery.continue'] }).click()
  await page.getByRole('heading', { name: en['patients.title'], level: 1 }).waitFor()
  t.equal(new URL(page.url()).pathname, '/patients', 'signed in, at the doctor\'s start page')
  t.strictSame(problems, [], 'no console errors')
})
