/**
 * Doctors and admins in the built portal, in a real browser, against the real services: a doctor
 * finds a patient, writes a record and edits it, the patient then sees it, and the doctor deletes
 * it; date filters; an admin finds a user and blocks them (that user's open tab is sent to sign-in
 * with the reason) and unlocks their sign-in; the security events; an admin changes a user's role
 * (their next sign-in has the new role's pages); axe-core on every route, for every role and signed
 * out, on this file's stack. Staff sign in with their authenticator's code as the second step.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { DEMO, client } from '@rekam/testing/e2e'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, openFromMenu, screenshot, seriousViolations } from './helpers/browser.js'
import { ROUTES_BY_ROLE, fill, routerPaths, sweep } from './helpers/axe-sweep.js'
import { signIn } from './helpers/sign-in.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages
const id = catalogs.id.messages

t.test('the staff portal', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t)
  const browser = await launchBrowser(t)
  const diagnosis = `Tension headache ${Date.now()}`

  t.test('a doctor writes a record, edits it, and the patient sees it', async (t) => {
    const { context, page, problems } = await openContext(browser, 'en')
    t.teardown(() => context.close())
    await signIn(page, stack.url, 'en', DEMO.sari)
    await page.getByRole('heading', { name: en['patients.title'], level: 1 }).waitFor()
    await page.getByLabel(en['patients.search']).fill('Andi')
    await page.getByRole('button', { name: en['patients.searchButton'] }).click()
    await page.getByRole('heading', { name: 'Andi Pratama' }).waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: find patients')
    await screenshot(page, 'doctor-patients', 'en')

    await page.getByRole('link', { name: `${en['patients.newRecord']}: Andi Pratama` }).click()
    await page.getByRole('heading', { name: en['form.newRecord'] }).waitFor()
    await page.getByRole('button', { name: en['form.save'] }).click()
    await t.resolves(page.getByRole('alert').getByText(catalogs.en.codes.errors.VALIDATION_ERROR).waitFor(), 'an empty record is refused, in words')
    await page.getByLabel(en['records.visitDate']).fill('2019-03-07')
    await page.getByLabel(en['records.complaint']).fill('Headache for two days')
    await page.getByLabel(en['records.diagnosis']).fill('Headache')
    await page.getByLabel(en['records.treatment']).fill('Rest and fluids')
    await page.getByLabel(en['records.prescription']).fill('Paracetamol 500 mg')
    t.strictSame(await seriousViolations(page), [], 'axe: the record form')
    await screenshot(page, 'doctor-record-form', 'en')
    await page.getByRole('button', { name: en['form.save'] }).click()
    await page.getByRole('heading', { name: new RegExp(en['record.title']) }).waitFor()

    await page.getByRole('link', { name: en['record.edit'] }).click()
    await page.getByLabel(en['records.diagnosis']).fill(diagnosis)
    await page.getByRole('button', { name: en['form.save'] }).click()
    // The record's page, not the form still holding the new diagnosis: the save has been answered.
    await page.getByRole('heading', { name: new RegExp(en['record.title']), level: 1 }).waitFor()
    await page.getByText(diagnosis).waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: the doctor\'s record')

    await openFromMenu(page, en['records.staffTitle'])
    await page.getByLabel(en['records.from']).fill('2019-03-07')
    await page.getByLabel(en['records.to']).fill('2019-03-07')
    await page.getByRole('button', { name: en['records.filter'], exact: true }).click()
    await page.getByRole('table').locator('tbody tr').nth(1).waitFor({ state: 'detached' })
    await page.getByRole('cell', { name: diagnosis }).waitFor()
    t.equal(await page.getByRole('table').locator('tbody tr').count(), 1, 'the date filter leaves the one record of that day')
    t.strictSame(await seriousViolations(page), [], 'axe: records with filters')
    await screenshot(page, 'doctor-records', 'en')

    await openFromMenu(page, en['nav.doctorProfile'])
    t.equal(await page.getByLabel(en['doctor.fullName']).inputValue(), 'dr. Sari Wulandari')
    t.strictSame(await seriousViolations(page), [], 'axe: doctor profile')
    await screenshot(page, 'doctor-profile', 'en')
    await page.getByLabel(en['app.language']).selectOption('id')
    await openFromMenu(page, id['nav.myPatients'])
    await screenshot(page, 'doctor-patients', 'id')
    t.strictSame(problems, [], 'no console errors')

    const patient = await openContext(browser, 'id')
    t.teardown(() => patient.context.close())
    await signIn(patient.page, stack.url, 'id', DEMO.andi)
    await patient.page.getByRole('cell', { name: diagnosis }).waitFor()
    await t.resolves(patient.page.getByRole('cell', { name: /dr\. Sari Wulandari/ }).first().waitFor(), 'andi sees the new record, by dr. Sari')

    // The doctor deletes it again, with a reason: it is entered in error, hidden from the list.
    await openFromMenu(page, id['records.staffTitle'])
    await page.getByRole('cell', { name: diagnosis }).locator('xpath=..').getByRole('link').click()
    await page.getByRole('button', { name: id['record.delete'] }).click()
    await page.getByLabel(id['record.deleteReason']).fill('Ditulis pada pasien yang salah')
    await page.getByRole('button', { name: id['record.deleteConfirm'] }).click()
    await page.getByRole('heading', { name: /Rekam medis Andi Pratama/ }).waitFor()
    await t.resolves(page.getByRole('cell', { name: diagnosis }).waitFor({ state: 'detached' }), 'the deleted record is gone from the list')
  })

  t.test('an admin blocks a user, whose open tab goes to sign-in saying why', async (t) => {
    const siti = await openContext(browser, 'en')
    t.teardown(() => siti.context.close())
    await signIn(siti.page, stack.url, 'en', DEMO.siti)
    await siti.page.getByRole('heading', { name: en['records.title'] }).waitFor()

    const { context, page, problems } = await openContext(browser, 'en')
    t.teardown(() => context.close())
    await signIn(page, stack.url, 'en', DEMO.admin)
    await page.getByRole('heading', { name: en['users.title'], level: 1 }).waitFor()
    await page.getByRole('table').waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: users')
    await screenshot(page, 'admin-users', 'en')
    await page.getByRole('searchbox', { name: en['users.search'] }).fill('siti')
    await page.getByRole('button', { name: en['patients.searchButton'] }).click()
    await page.getByRole('button', { name: `${en['users.block']} Siti Rahmawati` }).click()
    await page.getByRole('button', { name: `${en['users.unblock']} Siti Rahmawati` }).waitFor()
    await t.resolves(page.getByRole('cell', { name: en['users.blocked'] }).waitFor(), 'siti is shown blocked')

    await siti.page.getByRole('navigation').getByRole('link', { name: en['nav.sessions'] }).click()
    await t.resolves(siti.page.getByRole('status').getByText(en['signIn.reason.ACCOUNT_BLOCKED']).waitFor(), 'siti\'s tab is at sign-in, told she is blocked')
    t.equal(new URL(siti.page.url()).pathname, '/sign-in')

    await openFromMenu(page, en['nav.events'])
    await page.getByRole('cell', { name: catalogs.en.codes.events.USER_BLOCKED }).first().waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: security events')
    await screenshot(page, 'admin-events', 'en')
    await page.getByLabel(en['app.language']).selectOption('id')
    await openFromMenu(page, id['nav.users'])
    await page.getByRole('button', { name: `${id['users.unblock']} Siti Rahmawati` }).click()
    await page.getByRole('button', { name: `${id['users.block']} Siti Rahmawati` }).waitFor()
    await screenshot(page, 'admin-users', 'id')
    await page.getByRole('button', { name: `${id['users.unlock']} Siti Rahmawati` }).click()
    await t.resolves(page.getByRole('status').getByText(id['users.unlocked'].replace('{name}', 'Siti Rahmawati')).waitFor(), 'sign-in unlocked')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('an admin changes a user\'s role by clicking: their session ends, and they come back with the new role', async (t) => {
    const budi = await openContext(browser, 'en')
    t.teardown(() => budi.context.close())
    await signIn(budi.page, stack.url, 'en', DEMO.budi)
    await budi.page.getByRole('heading', { name: en['patients.title'], level: 1 }).waitFor()

    const { context, page, problems } = await openContext(browser, 'en')
    t.teardown(() => context.close())
    await signIn(page, stack.url, 'en', DEMO.admin)
    await page.getByRole('searchbox', { name: en['users.search'] }).fill('dr.budi')
    await page.getByRole('button', { name: en['patients.searchButton'] }).click()
    const role = page.getByRole('combobox', { name: en['users.changeRole'].replace('{name}', 'dr. Budi Santoso') })
    await role.selectOption({ label: en['role.PATIENT'] })
    await page.getByRole('status').getByText(en['users.saved']).waitFor()
    await page.reload()
    await role.waitFor()
    t.equal(await role.inputValue(), 'PATIENT', 'the users page shows the new role after a reload')

    await budi.page.getByRole('navigation').getByRole('link', { name: en['nav.sessions'] }).click()
    await t.resolves(budi.page.getByRole('status').getByText(en['signIn.reason.TOKEN_REVOKED']).waitFor(), 'budi\'s open tab is at sign-in, told his session ended')
    await signIn(budi.page, stack.url, 'en', DEMO.budi)
    const menu = budi.page.getByRole('navigation')
    await menu.getByRole('link', { name: en['nav.records'] }).click()
    await t.resolves(budi.page.getByRole('heading', { name: en['records.title'], level: 1 }).waitFor(), 'signed in again, he has a patient\'s records page')
    await t.resolves(menu.getByRole('link', { name: en['nav.careTeam'] }).waitFor(), 'and a patient\'s menu')
    t.equal(await menu.getByRole('link', { name: en['nav.myPatients'] }).count(), 0, 'no doctor\'s pages')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('axe-core: no serious or critical violation on any route, for any role or signed out', async (t) => {
    const declared = routerPaths()
    const swept = new Set<string>(Object.values(ROUTES_BY_ROLE).flat())
    t.strictSame(declared.filter((path) => !swept.has(path)), [], 'every route of the router is swept')
    const api = client(stack.gatewayUrl)
    const andi = await api.login(DEMO.andi.email, DEMO.andi.password)
    const [latest] = (await api.get('/api/records?limit=1', { token: andi.tokens.accessToken })).body.data.items as Array<{ id: string, patientId: string }>
    const ids = { id: latest!.id }
    const patientIds = { id: latest!.patientId }
    const visits = [
      { who: 'signed out', account: null },
      { who: 'PATIENT', account: DEMO.andi },
      { who: 'DOCTOR', account: DEMO.sari },
      { who: 'ADMIN', account: DEMO.admin },
    ] as const
    for (const { who, account } of visits) {
      const { context, page, problems } = await openContext(browser, 'en')
      if (account) await signIn(page, stack.url, 'en', account)
      // /patients/:id names a patient, every other :id a record (dr. Sari's latest of andi's).
      const patterns = ROUTES_BY_ROLE[who]
      const results = await sweep(page, stack.url, patterns, (pattern) => pattern.startsWith('/patients/:') ? patientIds : ids)
      for (const { pattern, path, violations } of results) {
        if (pattern !== '/') t.equal(path, fill(pattern, pattern.startsWith('/patients/:') ? patientIds : ids), `${who}: ${pattern} is shown, not redirected`)
        t.strictSame(violations, [], `axe (${who}): ${pattern}`)
      }
      t.strictSame(problems, [], `${who}: no console errors`)
      await context.close()
    }
  })
})
