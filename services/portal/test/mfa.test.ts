/**
 * Second factors in the built portal, in a real browser, against the real services: a doctor
 * signs in with the authenticator's code (a wrong one is refused in words); a patient adds an
 * authenticator from the account page (the code computed from the key shown as text), sees the
 * recovery codes once, signs in again with one of them, gets new codes and removes the
 * authenticator; a doctor may not remove the last one; axe-core on every new page.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { DEMO } from '@rekam/testing/e2e'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, screenshot, seriousViolations } from './helpers/browser.js'
import { nextTotpCode, signIn, totpCode } from './helpers/sign-in.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages
const id = catalogs.id.messages

t.test('second factors in the portal', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t)
  const browser = await launchBrowser(t)

  t.test('a doctor signs in with the authenticator code', async (t) => {
    const { context, page, problems } = await openContext(browser, 'id')
    t.teardown(() => context.close())
    await page.goto(`${stack.url}/sign-in`)
    await page.getByLabel(id['signIn.identifier']).fill(DEMO.budi.email)
    await page.getByLabel(id['signIn.password']).fill(DEMO.budi.password)
    await page.getByRole('button', { name: id['signIn.submit'] }).click()
    await page.getByRole('heading', { name: id['mfa.step.title'] }).waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: second step (id)')
    await screenshot(page, 'sign-in-second-step', 'id')

    await page.getByLabel(id['mfa.code']).fill('000000')
    await page.getByRole('button', { name: id['mfa.step.submit'] }).click()
    await t.resolves(page.getByRole('alert').getByText(catalogs.id.codes.errors.MFA_CODE_INVALID).waitFor(), 'a wrong code is refused, in words')

    await page.getByLabel(id['mfa.code']).fill(nextTotpCode(DEMO.budi.email))
    await page.getByRole('button', { name: id['mfa.step.submit'] }).click()
    await page.getByRole('heading', { name: id['patients.title'], level: 1 }).waitFor()
    t.equal(new URL(page.url()).pathname, '/patients', 'signed in, at the doctor\'s start page')

    // A doctor may not remove the last factor; the page says why.
    await page.goto(`${stack.url}/account`)
    page.once('dialog', (dialog) => { dialog.accept().catch(() => {}) })
    await page.getByRole('button', { name: new RegExp(`^${id['factors.remove'].split('{name}')[0]}`) }).click()
    await t.resolves(page.getByRole('alert').getByText(id['factors.lastFactor']).waitFor(), 'the last factor stays, in words')
    t.strictSame(await seriousViolations(page), [], 'axe: the doctor\'s second factors')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('a patient adds an authenticator, then signs in with a recovery code', async (t) => {
    const { context, page, problems } = await openContext(browser, 'en')
    t.teardown(() => context.close())
    await signIn(page, stack.url, 'en', DEMO.andi)
    await page.goto(`${stack.url}/account`)
    await page.getByRole('heading', { name: en['factors.title'] }).waitFor()
    await page.getByText(en['factors.none']).waitFor()

    await page.getByRole('button', { name: en['factors.add'] }).click()
    await page.getByRole('img', { name: en['mfa.setup.qrAlt'] }).waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: authenticator set-up')
    await screenshot(page, 'account-authenticator', 'en')
    const secret = (await page.getByLabel(en['mfa.setup.secret']).textContent())?.trim() ?? ''
    t.match(secret, /^[A-Z2-7]+=*$/, 'the key is shown as base32 text')
    await page.getByLabel(en['mfa.code']).fill(totpCode(secret, Math.floor(Date.now() / 30_000)))
    await page.getByRole('button', { name: en['mfa.setup.confirm'] }).click()

    const list = page.getByRole('list', { name: en['mfa.recovery.title'] })
    await list.waitFor()
    const codes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim())
    t.equal(codes.length, 10, 'ten recovery codes are shown')
    await t.resolves(page.getByRole('button', { name: en['mfa.recovery.download'] }).waitFor(), 'they can be downloaded')
    await t.resolves(page.getByRole('status').getByText(en['factors.addedNotice']).waitFor(), 'the authenticator is added')
    await page.getByText(en['factors.type.totp']).first().waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: recovery codes and factor list')
    await page.getByRole('button', { name: en['mfa.recovery.saved'] }).click()
    await t.resolves(list.waitFor({ state: 'detached' }), 'the codes are shown once')

    await page.getByRole('button', { name: en['nav.signOut'] }).click()
    await page.getByRole('heading', { name: en['signIn.title'] }).waitFor()
    await page.getByLabel(en['signIn.identifier']).fill(DEMO.andi.email)
    await page.getByLabel(en['signIn.password']).fill(DEMO.andi.password)
    await page.getByRole('button', { name: en['signIn.submit'] }).click()
    await page.getByRole('button', { name: en['mfa.step.useRecovery'] }).click()
    await page.getByLabel(en['mfa.recoveryCode']).fill(codes[0] ?? '')
    t.strictSame(await seriousViolations(page), [], 'axe: second step with a recovery code')
    await page.getByRole('button', { name: en['mfa.step.submit'] }).click()
    // Signed out from the account page, signed in again: back where the user was.
    await page.getByRole('heading', { name: en['account.title'], level: 1 }).waitFor()
    t.equal(new URL(page.url()).pathname, '/account', 'signed in with the recovery code')
    await t.resolves(page.getByText(en['factors.codesLeft'].replace('{count}', '9')).waitFor(), 'one recovery code fewer')
    await page.getByRole('button', { name: en['factors.regenerate'] }).click()
    await list.waitFor()
    t.equal(await list.getByRole('listitem').count(), 10, 'ten new recovery codes')
    await t.resolves(page.getByText(en['factors.codesLeft'].replace('{count}', '10')).waitFor(), 'the old ones are replaced')
    page.once('dialog', (dialog) => { dialog.accept().catch(() => {}) })
    await page.getByRole('button', { name: new RegExp(`^${en['factors.remove'].split('{name}')[0]}`) }).click()
    await t.resolves(page.getByText(en['factors.none']).waitFor(), 'a patient may remove the authenticator')
    t.strictSame(problems, [], 'no console errors')
  })
})
