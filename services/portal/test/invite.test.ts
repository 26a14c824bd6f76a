/**
 * Staff invitations in Chromium against the real services and a real SMTP server: the admin
 * invites a doctor from the users page (a taken address refused in words first), in Indonesian;
 * the invitation arrives by mail with the link; the doctor opens it, is told when the two
 * passwords differ, sets one, signs in and is taken to second-factor enrolment (doctors must have
 * one). The link does not work twice, and a link without its token says so. axe-core on every view.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { DEMO } from '@rekam/testing/e2e'
import { linkToken } from '@rekam/testing/mail'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, screenshot, seriousViolations } from './helpers/browser.js'
import { signIn } from './helpers/sign-in.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages
const id = catalogs.id.messages
const nina = { username: 'dr.nina', email: 'dr.nina@rekam.local', fullName: 'dr. Nina Hapsari', password: 'nina-chooses-her-own-password' }

t.test('a doctor invited in the portal sets a password by the mailed link and enrols', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t)
  const browser = await launchBrowser(t)

  // The admin invites dr. Nina, in Indonesian, from the users page.
  const admin = await openContext(browser, 'en')
  t.teardown(() => admin.context.close())
  await signIn(admin.page, stack.url, 'en', DEMO.admin)
  await admin.page.getByRole('heading', { name: en['users.title'], level: 1 }).waitFor()
  const toggle = admin.page.getByRole('button', { name: en['invite.open'] })
  await toggle.click()
  const form = admin.page.getByRole('form', { name: en['invite.title'] })
  await form.waitFor()
  t.equal(await admin.page.getByRole('button', { name: en['invite.close'] }).getAttribute('aria-expanded'), 'true', 'the toggle says the form is open')
  t.strictSame(await seriousViolations(admin.page), [], 'axe: the invite form')
  await form.getByLabel(en['register.fullName']).fill(nina.fullName)
  await form.getByLabel(en['register.username']).fill(nina.username)
  await form.getByLabel(en['register.email']).fill(nina.email)
  await form.getByLabel(en['invite.language']).selectOption('id')
  await screenshot(admin.page, 'admin-invite', 'en')
  await form.getByLabel(en['register.email']).fill(DEMO.sari.email)
  await form.getByRole('button', { name: en['invite.submit'] }).click()
  await t.resolves(form.getByRole('alert').getByText(catalogs.en.codes.errors.CONFLICT).waitFor(), 'a taken address is refused, in words')
  await form.getByLabel(en['register.email']).fill(nina.email)
  await form.getByRole('button', { name: en['invite.submit'] }).click()
  const sent = en['invite.sent'].replace('{name}', nina.fullName).replace('{email}', nina.email)
  await t.resolves(admin.page.getByRole('status').getByText(sent).waitFor(), 'the admin is told the invitation went, and no link')
  await t.resolves(admin.page.getByRole('cell', { name: nina.email }).waitFor(), 'the new account is in the list')
  t.equal(await form.count(), 0, 'the form closes')
  t.strictSame(admin.problems, [], 'no console errors (admin)')

  // The invitation, in Indonesian, to dr. Nina's address.
  const mail = await stack.mail.next(nina.email)
  const link = `${stack.url}/set-password#token=${linkToken(mail, '/set-password')}`
  t.equal(mail.subject, `Undangan ke rekam ${new URL(stack.url).host}`, 'in Indonesian, as the admin chose')
  t.match(mail.text, `Rekam Administrator mengundang Anda bergabung dengan ${new URL(stack.url).host} di rekam`, 'who invited her, to which clinic')
  t.ok(mail.text.includes(`Buat kata sandi:\n${link}\n`), 'the link, to the portal\'s set-password page')
  t.match(mail.text, /berlaku 72 jam, sampai .+ WIB/, 'its expiry')
  t.match(mail.text, 'faktor kedua', 'the second factor to set up at first sign-in')

  // dr. Nina opens it in her browser.
  const { context, page, problems } = await openContext(browser, 'id')
  t.teardown(() => context.close())
  await page.goto(link)
  await page.getByRole('heading', { name: id['setPassword.title'], level: 1 }).waitFor()
  t.equal(new URL(page.url()).hash, '', 'the token leaves the address bar')
  t.strictSame(await seriousViolations(page), [], 'axe: set password')
  await screenshot(page, 'set-password', 'id')
  await page.getByLabel(id['setPassword.password'], { exact: true }).fill(nina.password)
  await page.getByLabel(id['setPassword.confirm']).fill(`${nina.password}-typo`)
  await page.getByRole('button', { name: id['setPassword.submit'] }).click()
  await t.resolves(page.getByRole('alert').getByText(id['setPassword.mismatch']).waitFor(), 'different passwords are refused, in words')
  await page.getByLabel(id['setPassword.confirm']).fill(nina.password)
  await page.getByRole('button', { name: id['setPassword.submit'] }).click()
  await page.getByRole('status').getByText(id['setPassword.done']).waitFor()
  t.strictSame(await seriousViolations(page), [], 'axe: password set')

  // The same link again, in another tab: used up, said clearly. A link without its token too.
  const again = await context.newPage()
  await again.goto(link)
  await again.getByLabel(id['setPassword.password'], { exact: true }).fill('another-password-for-nina')
  await again.getByLabel(id['setPassword.confirm']).fill('another-password-for-nina')
  await again.getByRole('button', { name: id['setPassword.submit'] }).click()
  await t.resolves(again.getByRole('alert').getByText(catalogs.id.codes.errors.SET_PASSWORD_TOKEN_INVALID).waitFor(), 'a used link says so')
  t.strictSame(await seriousViolations(again), [], 'axe: a used link')
  await again.goto(`${stack.url}/set-password`)
  await t.resolves(again.getByRole('alert').getByText(id['setPassword.noToken']).waitFor(), 'a link without its token says so')
  await again.close()

  // She signs in with her new password and must set up her second factor.
  await page.getByRole('link', { name: id['setPassword.signIn'] }).click()
  await page.getByLabel(id['signIn.identifier']).fill(nina.username)
  await page.getByLabel(id['signIn.password']).fill(nina.password)
  await page.getByRole('button', { name: id['signIn.submit'] }).click()
  await t.resolves(page.getByText(id['mfa.enrol.required']).waitFor(), 'taken to second-factor enrolment')
  t.equal(new URL(page.url()).pathname, '/sign-in', 'not signed in before enrolling')
  t.strictSame(problems, [], 'no console errors (doctor)')
})
