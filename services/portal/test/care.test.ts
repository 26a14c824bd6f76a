/**
 * The care team in the built portal, in a real browser, against the real services: a patient
 * grants a doctor access, ends it and sees the history; a doctor in care refers the patient to
 * another doctor. Emergency access (break-the-glass) and the admin's side of care:
 * care-emergency.test.ts. axe-core on every page.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { DEMO, client } from '@rekam/testing/e2e'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, openFromMenu, screenshot, seriousViolations } from './helpers/browser.js'
import { fill } from './helpers/clinical.js'
import { signIn } from './helpers/sign-in.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages
const id = catalogs.id.messages

t.test('the care team in the portal', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t)
  const browser = await launchBrowser(t)
  const api = client(stack.gatewayUrl)
  const andi = await api.login(DEMO.andi.email, DEMO.andi.password)
  const andiProfile = (await api.get('/api/patients/me', { token: andi.tokens.accessToken })).body.data.patient as { id: string }
  const patient = await openContext(browser, 'en')
  const referrer = await openContext(browser, 'id')
  t.teardown(() => Promise.all([patient.context.close(), referrer.context.close()]))
  await signIn(patient.page, stack.url, 'en', DEMO.andi)
  await signIn(referrer.page, stack.url, 'id', DEMO.sari)

  t.test('a patient grants a doctor access, ends it, and sees the history', async (t) => {
    const { page, problems } = patient
    await openFromMenu(page, en['nav.careTeam'])
    await page.getByLabel(en['care.doctor'], { exact: true }).selectOption({ label: 'dr. Budi Santoso · Internal Medicine' })
    await page.getByRole('button', { name: en['care.grant'] }).click()
    await t.resolves(page.getByRole('status').getByText(fill(en['care.granted'], { name: 'dr. Budi Santoso' })).waitFor(), 'granted, in words')
    const current = page.getByRole('table', { name: en['care.current'] })
    await t.resolves(current.getByRole('row').filter({ hasText: 'dr. Budi Santoso' }).filter({ hasText: en['care.source.GRANTED'] }).waitFor(), 'dr. Budi is in the team, granted by andi')
    t.strictSame(await seriousViolations(page), [], 'axe: my care team')
    await screenshot(page, 'care-team', 'en')

    page.once('dialog', (confirm) => { confirm.accept().catch(() => {}) })
    await page.getByRole('button', { name: fill(en['care.revokeNamed'], { name: 'dr. Budi Santoso' }) }).click()
    await t.resolves(page.getByRole('status').getByText(fill(en['care.revoked'], { name: 'dr. Budi Santoso' })).waitFor(), 'ended, in words')
    await t.resolves(page.getByRole('table', { name: en['care.history'] }).getByRole('row').filter({ hasText: 'dr. Budi Santoso' }).filter({ hasText: en['care.source.GRANTED'] }).waitFor(), 'the grant is in the history')
    t.equal(await current.getByRole('row').filter({ hasText: 'dr. Budi Santoso' }).count(), 0, 'dr. Budi is no longer in the team (whatever brought him in)')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('a doctor in care refers the patient to another doctor', async (t) => {
    const { page, problems } = referrer
    await page.goto(`${stack.url}/patients/${andiProfile.id}`)
    const team = page.getByRole('region', { name: id['careTeam.title'] })
    await team.getByLabel(id['care.doctor'], { exact: true }).selectOption({ label: 'dr. Budi Santoso · Internal Medicine' })
    await team.getByLabel(id['careTeam.note']).fill('Mohon evaluasi refluks')
    await team.getByRole('button', { name: id['careTeam.refer'] }).click()
    await t.resolves(team.getByRole('status').getByText(/^dr\. Budi Santoso boleh membaca data pasien ini sampai /).waitFor(), 'referred, until a date')
    await t.resolves(team.getByRole('row').filter({ hasText: id['careTeam.source.REFERRED'] }).filter({ hasText: 'Mohon evaluasi refluks' }).waitFor(), 'dr. Budi is in the team by referral')
    t.strictSame(await seriousViolations(page), [], 'axe: a doctor\'s view of the care team')
    await screenshot(page, 'doctor-referral', 'id')
    t.strictSame(problems, [], 'no console errors')
  })
})
