/**
 * A passkey at enrolment, in Indonesian, in Chromium with its virtual authenticator against the
 * real services: a doctor the admin just created, without a second factor, registers a passkey on
 * the way in (the sign-in's ticket), sees the recovery codes once and reaches the doctor's start
 * page; signed out, the doctor finishes a password sign-in with the passkey, and signs in with the
 * passkey alone; axe-core on every new view.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { addVirtualAuthenticator } from './helpers/authenticator.js'
import { CHROMIUM, launchBrowser, openContext, screenshot, seriousViolations } from './helpers/browser.js'
import { createDoctor } from './helpers/staff.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const id = catalogs.id.messages

t.test('a passkey at enrolment', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t)
  const browser = await launchBrowser(t)
  const doctor = await createDoctor(stack, 'dr.wulan', 'dr. Wulan Hartono')
  const { context, page, problems } = await openContext(browser, 'id')
  t.teardown(() => context.close())
  const authenticator = await addVirtualAuthenticator(page)
  const start = id['patients.title']

  const passwordStep = async () => {
    await page.getByLabel(id['signIn.identifier']).fill(doctor.email)
    await page.getByLabel(id['signIn.password']).fill(doctor.password)
    await page.getByRole('button', { name: id['signIn.submit'] }).click()
  }
  const signOut = async () => {
    await page.getByRole('button', { name: id['nav.signOut'] }).click()
    await page.getByRole('heading', { name: id['signIn.title'] }).waitFor()
  }

  await page.goto(`${stack.url}/sign-in`)
  await passwordStep()
  await page.getByText(id['mfa.enrol.required']).waitFor()
  t.strictSame(await seriousViolations(page), [], 'axe: enrolment with the passkey offered')
  await page.getByRole('button', { name: id['passkey.enrol.start'] }).click()

  const list = page.getByRole('list', { name: id['mfa.recovery.title'] })
  await list.waitFor()
  t.equal(await list.getByRole('listitem').count(), 10, 'ten recovery codes are shown')
  t.equal(new URL(page.url()).pathname, '/sign-in', 'the codes are shown before moving on')
  t.equal((await authenticator.credentials()).length, 1, 'the authenticator holds the new passkey')
  await page.getByRole('button', { name: id['mfa.recovery.continue'] }).click()
  await page.getByRole('heading', { name: start, level: 1 }).waitFor()
  t.equal(new URL(page.url()).pathname, '/patients', 'signed in, at the doctor\'s start page')

  await page.goto(`${stack.url}/account`)
  await t.resolves(page.locator('.factors').getByText(id['factors.type.webauthn'], { exact: true }).waitFor(), 'the passkey, named in Indonesian, is the doctor\'s factor')
  await signOut()

  await passwordStep()
  await page.getByRole('heading', { name: id['mfa.step.title'] }).waitFor()
  t.strictSame(await seriousViolations(page), [], 'axe: the second step with a passkey (id)')
  await screenshot(page, 'sign-in-passkey-step', 'id')
  await page.getByRole('button', { name: id['passkey.step.use'] }).click()
  await page.getByRole('navigation').waitFor()
  t.not(new URL(page.url()).pathname, '/sign-in', 'the passkey finished the sign-in')
  await signOut()

  await page.getByRole('button', { name: id['passkey.signIn'] }).click()
  await page.getByRole('navigation').waitFor()
  t.not(new URL(page.url()).pathname, '/sign-in', 'the passkey alone signs a doctor in (phishing-resistant, no second step)')
  t.strictSame(problems, [], 'no console errors')
})
