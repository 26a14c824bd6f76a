/**
 * Emergency access in the built portal, in a real browser, against the real services whose clocks
 * the test moves: a doctor outside the patient's care (the patient has ended his care) is refused
 * their record, breaks the glass (a reason of at least 20 characters, then the step-up dialog with
 * the authenticator's code) and reads it under a banner; the patient sees the emergency read and
 * the refusal in the record's access log and on the care-team page; an admin assigns and ends a
 * care relationship on the patient's page, reviews the emergency access and lists the refusals.
 * axe-core on every page and dialog.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { DEMO, client } from '@rekam/testing/e2e'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, openFromMenu, screenshot, seriousViolations } from './helpers/browser.js'
import { codeAt, fill, wholeLog } from './helpers/clinical.js'
import { ServiceClock } from './helpers/service-clock.js'
import { signIn } from './helpers/sign-in.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages
const id = catalogs.id.messages
/** One move makes every sign-in older than STEP_UP_MAX_AGE (300 s). */
const clock = new ServiceClock(301_000)

t.test('emergency access in the portal', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t, clock.env)
  const browser = await launchBrowser(t)
  const api = client(stack.gatewayUrl)
  const andi = await api.login(DEMO.andi.email, DEMO.andi.password)
  const andiProfile = (await api.get('/api/patients/me', { token: andi.tokens.accessToken })).body.data.patient as { id: string, mrn: string }
  // dr. Budi wrote andi's records, so he is in andi's care: andi ends it, as on the care-team page.
  const doctors = (await api.get('/api/doctors?limit=100', { token: andi.tokens.accessToken })).body.data.items as Array<{ id: string, fullName: string }>
  const budi = doctors.find((d) => d.fullName === 'dr. Budi Santoso')
  if (!budi) throw new Error('no dr. Budi Santoso among the doctors')
  const ended = await api.request(`/api/patients/me/care-team/${budi.id}`, { method: 'DELETE', token: andi.tokens.accessToken })
  if (ended.status !== 200) throw new Error(`ending dr. Budi's care failed: ${ended.status} ${ended.text}`)
  const patient = await openContext(browser, 'en')
  const doctor = await openContext(browser, 'id')
  const admin = await openContext(browser, 'en')
  t.teardown(() => Promise.all([patient.context.close(), doctor.context.close(), admin.context.close()]))
  await signIn(patient.page, stack.url, 'en', DEMO.andi)
  await signIn(doctor.page, stack.url, 'id', DEMO.budi)
  await signIn(admin.page, stack.url, 'en', DEMO.admin)
  // Every sign-in is now 301 s old on the services' clocks: emergency access asks for a step-up.
  await clock.advance(stack)

  // dr. Budi's record of andi, as andi's list links it.
  await patient.page.getByRole('cell', { name: 'Gastro-oesophageal reflux' }).waitFor()
  const recordPath = await patient.page.getByRole('row').filter({ hasText: 'Gastro-oesophageal reflux' }).getByRole('link').getAttribute('href')
  if (!recordPath) throw new Error('andi\'s record by dr. Budi has no link')

  t.test('a doctor outside care is refused, breaks the glass and reads the record', async (t) => {
    const { page, problems } = doctor
    await page.goto(`${stack.url}${recordPath}`)
    await t.resolves(page.getByRole('heading', { name: id['emergency.refused'] }).waitFor(), 'the record is refused, in words')
    t.equal(await page.getByText('Gastro-oesophageal reflux').count(), 0, 'nothing of the record is shown')
    // A refused record names no patient: emergency access is asked for on the patient's page,
    // found at the desk by the medical record number.
    await t.resolves(page.getByText(id['emergency.fromPatient']).waitFor(), 'it points to the patient\'s page')
    await openFromMenu(page, id['nav.myPatients'])
    await page.getByLabel(id['intake.kind.mrn']).fill(andiProfile.mrn)
    await page.getByRole('button', { name: id['intake.submit'] }).click()
    await page.getByRole('link', { name: `${id['intake.open']}: Andi Pratama, ${andiProfile.mrn}` }).click()
    await t.resolves(page.getByRole('heading', { name: id['emergency.refused'] }).waitFor(), 'the patient\'s page is refused too')
    t.equal(await page.getByText(andiProfile.mrn).count(), 0, 'nothing of the patient is shown')
    await page.getByRole('button', { name: id['emergency.offer'] }).click()
    const dialog = page.getByRole('dialog', { name: id['emergency.title'] })
    await dialog.waitFor()
    const reason = dialog.getByLabel(id['emergency.reason'])
    await reason.fill('Pasien pingsan')
    await t.resolves(dialog.getByText(fill(id['emergency.count'], { count: 14, min: 20 })).waitFor(), 'the characters are counted')
    await dialog.getByRole('button', { name: id['emergency.submit'] }).click()
    await t.resolves(dialog.getByRole('alert').getByText(fill(id['emergency.tooShort'], { min: 20 })).waitFor(), 'a short reason is refused before it is sent')
    await reason.fill('Pasien pingsan di IGD, perlu riwayat obat segera')
    t.strictSame(await seriousViolations(page), [], 'axe: the emergency dialog')
    await screenshot(page, 'emergency-access', 'id')
    await dialog.getByRole('button', { name: id['emergency.submit'] }).click()

    const stepUp = page.getByRole('dialog', { name: id['stepUp.title'] })
    await stepUp.getByLabel(id['stepUp.password']).fill(DEMO.budi.password)
    await stepUp.getByLabel(id['mfa.code']).fill(codeAt(clock, DEMO.budi.email))
    await stepUp.getByRole('button', { name: id['stepUp.submit'] }).click()
    await t.resolves(page.getByRole('heading', { name: 'Andi Pratama', level: 1 }).waitFor(), 'the patient\'s page loads under emergency access')
    await page.waitForLoadState('networkidle')
    t.equal(await page.getByRole('region', { name: id['careTeam.title'] }).count(), 0, 'without the care team, which is for the doctors in care')
    t.equal(await dialog.count(), 0, 'the dialogs are gone')
    const banner = page.getByRole('status').filter({ hasText: id['emergency.banner'].split(':')[0]! })
    t.match(await banner.innerText(), /\d{2}[.:]\d{2}/, 'the banner says until when')

    await page.goto(`${stack.url}${recordPath}`)
    await t.resolves(page.getByText('Gastro-oesophageal reflux').waitFor(), 'the record loads under emergency access')
    await banner.waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: a record read under emergency access')
    await screenshot(page, 'emergency-record', 'id')
    await page.reload()
    await page.getByText('Gastro-oesophageal reflux').waitFor()
    await t.resolves(banner.waitFor(), 'the banner stays after a reload')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('the patient sees the emergency read and the refusal', async (t) => {
    const { page, problems } = patient
    await page.goto(`${stack.url}${recordPath}`)
    await page.getByRole('heading', { name: en['record.accessLog'] }).waitFor()
    const log = await wholeLog(page)
    t.match(log, en['purpose.EMERGENCY'], 'the emergency read is marked')
    t.match(log, en['accessLog.refused'], 'the refusal is shown as someone refused')
    const refusal = log.split('\n').filter((line) => line.includes(en['accessLog.refused']))
    t.equal(refusal.length, 1, 'one refusal')
    t.notMatch(refusal.join(), /Budi/, 'a refusal does not name the doctor')
    t.match(log, /dr\. Budi Santoso/, 'the emergency read names him')
    t.strictSame(await seriousViolations(page), [], 'axe: the access log with emergency and refused entries')
    await screenshot(page, 'access-log-emergency', 'en')

    await openFromMenu(page, en['nav.patientProfile'])
    const profileLog = page.getByRole('region', { name: en['profile.accessLog'] })
    await t.resolves(profileLog.getByText(en['purpose.EMERGENCY']).first().waitFor(), 'the profile\'s log marks the emergency read')
    await t.resolves(profileLog.getByText(en['accessLog.refused']).first().waitFor(), 'and shows the refusal')
    t.strictSame(await seriousViolations(page), [], 'axe: the profile with its access log')
    await screenshot(page, 'profile-access-log', 'en')

    await openFromMenu(page, en['nav.careTeam'])
    const row = page.getByRole('table', { name: en['care.emergencyTitle'] }).getByRole('row').filter({ hasText: 'dr. Budi Santoso' })
    await t.resolves(row.filter({ hasText: 'riwayat obat' }).waitFor(), 'andi sees who broke the glass and why')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('an admin manages the care team, reviews the emergency access and lists refusals', async (t) => {
    const { page, problems } = admin
    await openFromMenu(page, en['nav.patients'])
    await page.getByLabel(en['patients.search']).fill('Andi')
    await page.getByRole('button', { name: en['patients.searchButton'] }).click()
    await page.getByRole('link', { name: `${en['patients.profile']}: Andi Pratama` }).click()
    const team = page.getByRole('region', { name: en['careTeam.title'] })
    await team.getByLabel(en['care.doctor'], { exact: true }).selectOption({ label: 'dr. Budi Santoso · Internal Medicine' })
    await team.getByLabel(en['careTeam.note']).fill('Internal medicine follow-up')
    await team.getByRole('button', { name: en['careTeam.assign'] }).click()
    await t.resolves(team.getByRole('status').getByText(fill(en['careTeam.assigned'], { name: 'dr. Budi Santoso' })).waitFor(), 'assigned, in words')
    t.strictSame(await seriousViolations(page), [], 'axe: a patient\'s care team')
    await screenshot(page, 'patient-care-team', 'en')
    page.once('dialog', (confirm) => { confirm.accept().catch(() => {}) })
    await team.getByRole('button', { name: fill(en['careTeam.endNamed'], { name: `dr. Budi Santoso (${en['careTeam.source.ASSIGNED']})` }) }).click()
    await t.resolves(team.getByRole('status').getByText(fill(en['careTeam.ended'], { name: 'dr. Budi Santoso' })).waitFor(), 'ended, in words')

    await openFromMenu(page, en['nav.emergencyAccess'])
    const card = page.getByRole('listitem').filter({ hasText: 'dr. Budi Santoso → Andi Pratama' })
    await card.waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: the emergency access queue')
    await screenshot(page, 'admin-emergency-access', 'en')
    await card.getByLabel(en['emergencyQueue.outcome']).selectOption(en['review.APPROPRIATE'])
    await card.getByLabel(en['emergencyQueue.note']).fill('Confirmed with the emergency ward')
    await card.getByRole('button', { name: en['emergencyQueue.save'] }).click()
    await t.resolves(page.getByRole('status').getByText(en['emergencyQueue.saved']).waitFor(), 'reviewed, in words')
    await t.resolves(card.waitFor({ state: 'detached' }), 'it leaves the pending queue')
    await page.getByLabel(en['emergencyQueue.show']).selectOption(en['emergencyQueue.reviewed'])
    await t.resolves(page.getByRole('listitem').filter({ hasText: 'Confirmed with the emergency ward' }).waitFor(), 'and is among the reviewed')

    await openFromMenu(page, en['nav.refusals'])
    await t.resolves(page.getByRole('row').filter({ hasText: en['role.DOCTOR'] }).filter({ hasText: en['refusals.reason.NOT_IN_CARE'] }).first().waitFor(), 'dr. Budi\'s refusal is listed with its reason')
    t.strictSame(await seriousViolations(page), [], 'axe: refusals')
    await screenshot(page, 'admin-refusals', 'en')
    t.strictSame(problems, [], 'no console errors')
  })
})
