/**
 * Passkeys in the built portal, in Chromium with its virtual authenticator, against the real
 * services: a patient adds a named passkey from the account page and sees the recovery codes
 * once, signs out, signs in with the passkey alone (no password), and after a password sign-in
 * finishes the second step with the passkey; an authenticator that does not verify its user signs
 * nobody in, nor does a passkey removed from the account; a step-up is confirmed with the passkey
 * alone (the services' clocks moved past STEP_UP_MAX_AGE); axe-core on every new view.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { DEMO } from '@rekam/testing/e2e'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { addVirtualAuthenticator } from './helpers/authenticator.js'
import { CHROMIUM, launchBrowser, openContext, screenshot, seriousViolations } from './helpers/browser.js'
import { ServiceClock } from './helpers/service-clock.js'
import { signIn } from './helpers/sign-in.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages
/** One move makes every sign-in older than STEP_UP_MAX_AGE (300 s). */
const clock = new ServiceClock(301_000)

t.test('passkeys in the portal', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t, clock.env)
  const browser = await launchBrowser(t)
  const { context, page, problems } = await openContext(browser, 'en')
  t.teardown(() => context.close())
  const authenticator = await addVirtualAuthenticator(page)

  const signOut = async () => {
    await page.getByRole('button', { name: en['nav.signOut'] }).click()
    await page.getByRole('heading', { name: en['signIn.title'] }).waitFor()
  }

  t.test('a patient adds a named passkey from the account page', async (t) => {
    await signIn(page, stack.url, 'en', DEMO.andi)
    await page.goto(`${stack.url}/account`)
    await page.getByText(en['factors.none']).waitFor()

    await page.getByRole('button', { name: en['passkey.add'] }).click()
    await page.getByLabel(en['passkey.name']).fill('Test laptop')
    t.strictSame(await seriousViolations(page), [], 'axe: adding a passkey')
    await screenshot(page, 'account-passkey', 'en')
    await page.getByRole('button', { name: en['passkey.create'] }).click()

    const list = page.getByRole('list', { name: en['mfa.recovery.title'] })
    await list.waitFor()
    t.equal(await list.getByRole('listitem').count(), 10, 'the first factor brings ten recovery codes')
    await t.resolves(page.getByRole('status').getByText(en['passkey.added']).waitFor(), 'the passkey is added')
    await t.resolves(page.locator('.factors').getByText('Test laptop', { exact: true }).waitFor(), 'listed among the factors by its name')
    t.strictSame(await seriousViolations(page), [], 'axe: the passkey among the factors, and the codes')
    const held = await authenticator.credentials()
    t.equal(held.length, 1, 'the authenticator holds one credential')
    t.equal(held[0]?.isResidentCredential, true, 'a discoverable one: a passkey')
    await page.getByRole('button', { name: en['mfa.recovery.saved'] }).click()
    await t.resolves(list.waitFor({ state: 'detached' }), 'the codes are shown once')
    await signOut()
  })

  t.test('signs in with the passkey alone', async (t) => {
    await page.getByRole('button', { name: en['passkey.signIn'] }).waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: the sign-in page with its passkey button')
    t.equal(await page.getByLabel(en['signIn.password']).inputValue(), '', 'no password typed')
    await page.getByRole('button', { name: en['passkey.signIn'] }).click()
    await page.getByRole('navigation').waitFor()
    await page.goto(`${stack.url}/account`)
    t.equal(await page.getByLabel(en['account.email'], { exact: true }).inputValue(), DEMO.andi.email, 'signed in as the passkey\'s owner')
    await signOut()
  })

  t.test('an authenticator that does not verify its user signs nobody in', async (t) => {
    await authenticator.setUserVerified(false)
    t.teardown(() => authenticator.setUserVerified(true))
    await page.getByRole('button', { name: en['passkey.signIn'] }).click()
    // Chromium answers NotAllowedError, as when a person closes the dialog.
    await t.resolves(page.getByRole('alert').getByText(en['passkey.cancelled']).waitFor(), 'the failure is said in words')
    t.equal(new URL(page.url()).pathname, '/sign-in', 'still signed out')
  })

  t.test('a password sign-in finishes with the passkey', async (t) => {
    await page.getByLabel(en['signIn.identifier']).fill(DEMO.andi.email)
    await page.getByLabel(en['signIn.password']).fill(DEMO.andi.password)
    await page.getByRole('button', { name: en['signIn.submit'] }).click()
    await page.getByRole('heading', { name: en['mfa.step.title'] }).waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: the second step with a passkey')
    await page.getByRole('button', { name: en['passkey.step.use'] }).click()
    await page.getByRole('navigation').waitFor()
    t.not(new URL(page.url()).pathname, '/sign-in', 'signed in, moved on from the sign-in page')
  })

  t.test('a step-up is confirmed with the passkey alone', async (t) => {
    // Every sign-in is now older than STEP_UP_MAX_AGE: new recovery codes need a fresh proof.
    await clock.advance(stack)
    await page.goto(`${stack.url}/account`)
    await page.getByRole('button', { name: en['factors.regenerate'] }).click()
    const dialog = page.getByRole('dialog', { name: en['stepUp.title'] })
    await dialog.waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: the dialog offers the passkey')
    await dialog.getByRole('button', { name: en['passkey.step.use'] }).click()
    const list = page.getByRole('list', { name: en['mfa.recovery.title'] })
    await list.waitFor()
    t.equal(await list.getByRole('listitem').count(), 10, 'the passkey confirmed it: ten new codes, no password typed')
    await page.getByRole('button', { name: en['mfa.recovery.saved'] }).click()
  })

  t.test('a removed passkey no longer signs in', async (t) => {
    await page.goto(`${stack.url}/account`)
    page.once('dialog', (dialog) => { dialog.accept().catch(() => {}) })
    await page.getByRole('button', { name: en['factors.remove'].replace('{name}', 'Test laptop') }).click()
    await page.getByText(en['factors.none']).waitFor()
    await signOut()
    t.equal((await authenticator.credentials()).length, 1, 'the browser still holds it')
    await page.getByRole('button', { name: en['passkey.signIn'] }).click()
    await t.resolves(page.getByRole('alert').getByText(en['passkey.unknown']).waitFor(), 'refused, in words that fit a passkey')
    t.equal(new URL(page.url()).pathname, '/sign-in', 'still signed out')
    t.strictSame(problems, [], 'no console errors')
  })
})
