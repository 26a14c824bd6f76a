/**
 * The front desk in Chromium against the real services: a doctor registers a walk-in patient
 * whose name and birth date match a patient on file, is shown that patient and registers anyway;
 * the new patient's page shows the MRN and NIK; a claim code is issued and its slip alone prints;
 * intake search finds the patient by NIK and a second registration with that NIK is told whose it
 * is. The patient then signs up, is pointed from their empty profile to the claim page, is refused
 * a wrong code in words, claims with the printed code (typed in lower case, without dashes) and
 * sees their profile and MRN; the doctor's page then says the profile is claimed. axe-core on
 * every new page, and no console errors.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { DEMO } from '@rekam/testing/e2e'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, openFromMenu, screenshot, seriousViolations } from './helpers/browser.js'
import { signIn } from './helpers/sign-in.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages
const id = catalogs.id.messages
const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '')

// The demo's Andi Pratama's name (typed with extra spaces) and birth date: a possible duplicate the registrar confirms.
const walkIn = { fullName: ' Andi  Pratama', name: 'Andi Pratama', dateOfBirth: '1990-04-12', nik: '3404 0112 0490 0003', bpjs: '0001234567890' }
const NIK = walkIn.nik.replace(/\s/g, '')

t.test('the front desk registers a walk-in patient who then claims the profile', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t)
  const browser = await launchBrowser(t)
  const doctor = await openContext(browser, 'en')
  t.teardown(() => doctor.context.close())
  const { page } = doctor
  let mrn = ''
  let code = ''
  let patientUrl = ''

  t.test('a doctor registers the patient past a duplicate warning and prints a claim code', async (t) => {
    await signIn(page, stack.url, 'en', DEMO.budi)
    await page.getByRole('heading', { name: en['patients.title'], level: 1 }).waitFor()
    await page.getByRole('link', { name: en['patients.register'] }).click()
    await page.getByRole('heading', { name: en['frontDesk.title'], level: 1 }).waitFor()
    await page.getByLabel(en['patient.fullName']).fill(walkIn.fullName)
    await page.getByLabel(en['patient.dateOfBirth']).fill(walkIn.dateOfBirth)
    await page.getByLabel(en['patient.gender']).selectOption('MALE')
    await page.getByLabel(en['frontDesk.nik']).fill(walkIn.nik)
    await page.getByLabel(en['frontDesk.bpjs']).fill(walkIn.bpjs)
    await page.getByLabel(en['patient.phone']).fill('+62 812 5555 0101')
    t.strictSame(await seriousViolations(page), [], 'axe: the registration form')
    await page.getByRole('button', { name: en['frontDesk.submit'] }).click()

    const warning = page.getByRole('region', { name: en['frontDesk.duplicatesTitle'] })
    await warning.waitFor()
    await t.resolves(warning.getByRole('link', { name: new RegExp(`^${en['intake.open']}: Andi Pratama, RM-\\d{6}$`) }).waitFor(), 'the patient on file is listed, with a link')
    t.strictSame(await seriousViolations(page), [], 'axe: the duplicate warning')
    await screenshot(page, 'front-desk-duplicates', 'en')

    await warning.getByRole('button', { name: en['frontDesk.registerAnyway'] }).click()
    await page.getByRole('heading', { name: walkIn.name, level: 1 }).waitFor()
    mrn = (await page.locator('dd.mrn').first().textContent()) ?? ''
    t.match(mrn, /^RM-\d{6}$/, 'the new patient has an MRN')
    await t.resolves(page.getByRole('status').getByText(fill(en['frontDesk.registered'], { name: walkIn.name, mrn })).waitFor(), 'the registrar is told the MRN')
    await t.resolves(page.getByText(NIK, { exact: true }).waitFor(), 'the NIK, in digits')
    await t.resolves(page.getByText(en['patientView.unclaimed']).waitFor(), 'not claimed yet')
    patientUrl = page.url()

    await page.getByRole('button', { name: en['claimCode.issue'] }).click()
    const slip = page.getByRole('article', { name: fill(en['claimCode.slipTitle'], { clinic: new URL(stack.url).host }) })
    await slip.waitFor()
    code = (await slip.getByTestId('claim-code').textContent()) ?? ''
    t.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, 'a code in Crockford base32, in groups of four')
    await t.resolves(slip.getByText(`${stack.url}/claim`).waitFor(), 'the slip says where to use it')
    t.strictSame(await seriousViolations(page), [], 'axe: the patient page with a claim code')
    await screenshot(page, 'front-desk-patient', 'en')

    await page.emulateMedia({ media: 'print' })
    t.ok(await slip.isVisible(), 'printed: the slip')
    t.notOk(await page.getByRole('banner').isVisible(), 'printed: no menu')
    t.notOk(await page.getByRole('heading', { name: walkIn.name, level: 1 }).isVisible(), 'printed: nothing else of the page')
    t.notOk(await page.getByRole('button', { name: en['claimCode.print'] }).isVisible(), 'printed: no buttons')
    await screenshot(page, 'claim-code-print', 'en')
    await page.emulateMedia({ media: 'screen' })

    // A returning patient at the desk: found by NIK on "My patients", in Indonesian.
    await page.getByLabel(en['app.language']).selectOption('id')
    await openFromMenu(page, id['nav.myPatients'])
    await t.resolves(page.locator('.cards').getByText(mrn).waitFor(), 'the doctor who registered the patient has them in care')
    const intake = page.getByRole('search', { name: id['intake.title'] })
    await intake.getByLabel(id['intake.kind']).selectOption('nik')
    await intake.getByLabel(id['intake.kind.nik']).fill(walkIn.nik)
    await intake.getByRole('button', { name: id['intake.submit'] }).click()
    const found = page.getByRole('region', { name: id['intake.results'] }).getByRole('link')
    await found.first().waitFor()
    t.strictSame(await found.allTextContents(), [walkIn.name], 'one patient has this NIK')
    t.equal(await found.getAttribute('aria-label'), `${id['intake.open']}: ${walkIn.name}, ${mrn}`)
    t.strictSame(await seriousViolations(page), [], 'axe: my patients with an intake search')
    await screenshot(page, 'intake-search', 'id')

    // The same NIK again: refused, saying whose it is.
    await page.getByRole('link', { name: id['patients.register'] }).click()
    await page.getByLabel(id['patient.fullName']).fill('Bambang Wijaya')
    await page.getByLabel(id['patient.dateOfBirth']).fill('1979-01-05')
    await page.getByLabel(id['frontDesk.nik']).fill(NIK)
    await page.getByRole('button', { name: id['frontDesk.submit'] }).click()
    const taken = page.getByRole('region', { name: id['frontDesk.takenTitle'] })
    await t.resolves(taken.getByRole('link', { name: `${id['intake.open']}: ${walkIn.name}, ${mrn}` }).waitFor(), 'a NIK registered already: whose it is')
    t.strictSame(await seriousViolations(page), [], 'axe: a NIK registered already')
    await page.setViewportSize({ width: 390, height: 800 })
    t.ok(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'), 'the registration page fits a phone\'s width')
    await page.setViewportSize({ width: 1200, height: 800 })
    t.strictSame(doctor.problems, [], 'no console errors (doctor)')
  })

  t.test('the patient signs up, claims the profile with the code and sees the MRN', async (t) => {
    const { context, page: patient, problems } = await openContext(browser, 'id')
    t.teardown(() => context.close())
    await patient.goto(`${stack.url}/register`)
    await patient.getByLabel(id['register.fullName']).fill(walkIn.name)
    await patient.getByLabel(id['register.username']).fill('andi.walkin')
    await patient.getByLabel(id['register.email']).fill('andi.walkin@example.com')
    await patient.getByLabel(id['register.password']).fill('kopi-tubruk-pagi-hari')
    await patient.getByRole('button', { name: id['register.submit'] }).click()
    await patient.getByRole('button', { name: id['checkMail.continue'] }).click()
    await patient.getByRole('heading', { name: id['records.title'] }).waitFor()

    await openFromMenu(patient, id['nav.patientProfile'])
    await patient.getByText(id['patient.noProfile'], { exact: false }).waitFor()
    t.strictSame(await seriousViolations(patient), [], 'axe: the empty profile, pointing to the claim page')
    await patient.getByRole('link', { name: id['patient.claimLink'] }).click()
    await patient.getByRole('heading', { name: id['claim.title'], level: 1 }).waitFor()
    await patient.getByLabel(id['claim.code']).fill('ABCD-EFGH-JKMN')
    await patient.getByRole('button', { name: id['claim.submit'] }).click()
    await t.resolves(patient.getByRole('alert').getByText(catalogs.id.codes.errors.CLAIM_CODE_INVALID).waitFor(), 'a wrong code is refused, in words')
    t.strictSame(await seriousViolations(patient), [], 'axe: the claim page')
    await screenshot(patient, 'claim', 'id')

    await patient.getByLabel(id['claim.code']).fill(code.replaceAll('-', '').toLowerCase())
    await patient.getByRole('button', { name: id['claim.submit'] }).click()
    await t.resolves(patient.getByRole('status').getByText(id['claim.done']).waitFor(), 'claimed')
    await t.resolves(patient.getByText(mrn, { exact: true }).waitFor(), 'the patient sees their MRN')
    t.strictSame(await seriousViolations(patient), [], 'axe: the claimed profile')
    await screenshot(patient, 'claim-done', 'id')

    await patient.getByRole('link', { name: id['claim.toProfile'] }).click()
    await patient.getByRole('heading', { name: id['patient.title'], level: 1 }).waitFor()
    t.equal(await patient.getByLabel(id['patient.fullName']).inputValue(), walkIn.name, 'the profile the desk registered')
    t.equal(await patient.locator('dd.mrn').textContent(), mrn)
    t.equal(await patient.getByText(id['patient.noProfile']).count(), 0, 'no pointer to the claim page any more')
    t.strictSame(problems, [], 'no console errors (patient)')

    await page.goto(patientUrl)
    await t.resolves(page.getByText(id['patientView.claimed']).waitFor(), 'the doctor sees the profile claimed')
    t.equal(await page.getByRole('button', { name: id['claimCode.issue'] }).count(), 0, 'and no claim code to issue')
  })
})
