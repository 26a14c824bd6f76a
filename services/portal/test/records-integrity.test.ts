/**
 * Records that are never silently overwritten, in the built portal, in a real browser, against
 * the real services: dr. Budi edits his record of andi in one tab while a second tab's edit,
 * opened on the older version, is refused (412) without losing what was typed; he signs the
 * record through the step-up dialog and the page checks its signature against the published
 * keys; he amends it with a reason and the history shows the word differences; andi asks for a
 * correction, dr. Budi declines it from his queue with a reason and accepts another (the
 * amendment form opens with the request as reason), andi reads the decisions (in Indonesian on the
 * history page). axe-core on every new page. The admin's audit trails: audit-trail.test.ts.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { DEMO, client } from '@rekam/testing/e2e'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, openFromMenu, screenshot, seriousViolations } from './helpers/browser.js'
import { codeAt, fill } from './helpers/clinical.js'
import { ServiceClock } from './helpers/service-clock.js'
import { signIn } from './helpers/sign-in.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages
const id = catalogs.id.messages
const codes = catalogs.en.codes.errors
/** One move makes every sign-in older than STEP_UP_MAX_AGE (300 s): signing asks for a step-up. */
const clock = new ServiceClock(301_000)
const VERIFIED = /^Signature verified \(key [\w-]+\)$/

t.test('record versions, signing and amendments in the portal', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t, clock.env)
  const browser = await launchBrowser(t)
  const api = client(stack.gatewayUrl)
  const andi = await api.login(DEMO.andi.email, DEMO.andi.password)
  const records = (await api.get('/api/records', { token: andi.tokens.accessToken })).body.data.items as Array<{ id: string, diagnosis: string }>
  const recordId = records.find((r) => r.diagnosis === 'Gastro-oesophageal reflux')?.id
  if (!recordId) throw new Error('andi has no record by dr. Budi')
  const recordUrl = `${stack.url}/records/${recordId}`
  const doctor = await openContext(browser, 'en')
  const patient = await openContext(browser, 'en')
  t.teardown(() => Promise.all([doctor.context.close(), patient.context.close()]))
  await signIn(doctor.page, stack.url, 'en', DEMO.budi)
  await signIn(patient.page, stack.url, 'en', DEMO.andi)
  await clock.advance(stack)

  t.test('a doctor edits the draft; a second tab\'s stale edit is refused, its input kept', async (t) => {
    const { page, problems } = doctor
    const stale = await doctor.context.newPage()
    await page.goto(`${recordUrl}/edit`)
    await stale.goto(`${recordUrl}/edit`)
    for (const p of [page, stale]) await p.getByLabel(en['records.diagnosis']).waitFor()

    await page.getByLabel(en['records.diagnosis']).fill('Gastro-oesophageal reflux disease')
    await page.getByLabel(en['form.reason']).fill('Completed the diagnosis')
    await page.getByRole('button', { name: en['form.save'] }).click()
    await page.getByRole('heading', { level: 1, name: /^Medical record/ }).waitFor()
    const status = page.locator('.record-status')
    await t.resolves(status.getByText(en['record.status.draft']).waitFor(), 'still a draft')
    t.equal(await status.locator('dd').nth(1).innerText(), '2', 'version 2')

    await stale.getByLabel(en['records.treatment']).fill('Diet advice; antacid; raise the head of the bed')
    await stale.getByRole('button', { name: en['form.save'] }).click()
    await t.resolves(stale.getByRole('alert').getByText(codes.PRECONDITION_FAILED).waitFor(), 'the stale edit is refused, in words')
    t.equal(await stale.getByLabel(en['records.treatment']).inputValue(), 'Diet advice; antacid; raise the head of the bed', 'what was typed is still there')
    t.equal(await stale.getByLabel(en['records.diagnosis']).inputValue(), 'Gastro-oesophageal reflux', 'the form still shows the version it was opened on')
    t.strictSame(await seriousViolations(stale), [], 'axe: a stale edit refused')
    await screenshot(stale, 'record-stale-edit', 'en')
    await stale.close()
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('the author signs through step-up; the browser verifies the signature', async (t) => {
    const { page, problems } = doctor
    page.once('dialog', (confirm) => { confirm.accept().catch(() => {}) })
    await page.getByRole('button', { name: en['record.sign'] }).click()
    const stepUp = page.getByRole('dialog', { name: en['stepUp.title'] })
    await stepUp.getByLabel(en['stepUp.password']).fill(DEMO.budi.password)
    await stepUp.getByLabel(en['mfa.code']).fill(codeAt(clock, DEMO.budi.email))
    await stepUp.getByRole('button', { name: en['stepUp.submit'] }).click()
    await t.resolves(page.getByRole('status').getByText(en['record.signedNow']).waitFor(), 'signed, in words')
    const status = page.locator('.record-status')
    await t.resolves(status.getByText(en['record.status.final']).waitFor(), 'final')
    await t.resolves(status.getByText(VERIFIED).waitFor(), 'the signature verifies against the published keys')
    t.equal(await page.getByRole('link', { name: en['record.edit'] }).count(), 0, 'a final record has no edit')
    t.strictSame(await seriousViolations(page), [], 'axe: a signed record')
    await screenshot(page, 'record-signed', 'en')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('the author amends the final record with a reason; the history shows the differences', async (t) => {
    const { page, problems } = doctor
    await page.getByRole('button', { name: en['record.amend'] }).click()
    const form = page.getByRole('form', { name: en['amend.title'] })
    await form.getByLabel(en['records.diagnosis']).fill('Erosive oesophagitis')
    await form.getByRole('button', { name: en['amend.submit'] }).click()
    await t.resolves(form.getByRole('alert').getByText(en['amend.reasonShort']).waitFor(), 'a reason is asked for before sending')
    await form.getByLabel(en['amend.reason']).fill('Endoscopy result: erosive oesophagitis')
    t.strictSame(await seriousViolations(page), [], 'axe: the amendment form')
    await form.getByRole('button', { name: en['amend.submit'] }).click()
    await t.resolves(page.getByRole('status').getByText(fill(en['amend.done'], { version: 4 })).waitFor(), 'amended: version 4')
    await t.resolves(page.locator('.record-status').getByText(VERIFIED).waitFor(), 'the amendment is signed and verifies')

    await page.getByRole('link', { name: en['record.history'] }).click()
    await page.getByRole('heading', { level: 1, name: en['versions.title'] }).waitFor()
    const versions = page.locator('ol.versions > li')
    await versions.nth(3).waitFor()
    t.equal(await versions.count(), 4, 'four versions, oldest first')
    const kinds = await versions.locator('h2').allInnerTexts()
    t.match(kinds[0], en['versions.kind.CREATED'])
    t.match(kinds[1], en['versions.kind.UPDATED'])
    t.match(kinds[2], en['versions.kind.SIGNED'])
    t.match(kinds[3], en['versions.kind.AMENDED'])
    t.match(kinds[3], fill(en['versions.amends'], { version: 3 }), 'the amendment names the version it amends')
    const amended = versions.nth(3)
    await t.resolves(amended.getByText('Endoscopy result: erosive oesophagitis').waitFor(), 'with its reason')
    const changes = amended.getByRole('table', { name: fill(en['versions.changes'], { version: 3 }) })
    t.match(await changes.locator('ins').allInnerTexts(), [/Erosive/], 'the added words are inserted')
    t.match((await changes.locator('del').allInnerTexts()).join(' '), /reflux/, 'the removed words are deleted')
    t.match(await versions.nth(1).locator('ins').allInnerTexts(), [/disease/], 'the draft\'s change too')
    t.equal(await versions.nth(2).getByText(en['versions.noChanges']).count(), 1, 'signing changed no content')
    t.strictSame(await seriousViolations(page), [], 'axe: the history')
    await screenshot(page, 'record-history', 'en')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('the patient asks for a correction', async (t) => {
    const { page, problems } = patient
    await page.goto(recordUrl)
    await t.resolves(page.locator('.record-status').getByText(VERIFIED).waitFor(), 'the patient\'s browser verifies the signature too')
    const form = page.getByRole('form', { name: en['requests.askTitle'] })
    await form.getByLabel(en['requests.text']).fill('The treatment should mention the follow-up endoscopy')
    await form.getByRole('button', { name: en['requests.send'] }).click()
    await t.resolves(page.getByRole('status').getByText(en['requests.sent']).waitFor(), 'sent, in words')
    const requests = page.getByRole('region', { name: en['requests.title'] })
    await t.resolves(requests.getByRole('listitem').filter({ hasText: 'follow-up endoscopy' }).filter({ hasText: en['requests.status.PENDING'] }).waitFor(), 'listed, waiting')
    t.strictSame(await seriousViolations(page), [], 'axe: a signed record with a request')
    await screenshot(page, 'amendment-request', 'en')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('the author declines it from the queue with a reason', async (t) => {
    const { page, problems } = doctor
    await openFromMenu(page, en['nav.amendmentRequests'])
    const row = page.getByRole('row').filter({ hasText: 'follow-up endoscopy' })
    t.strictSame(await seriousViolations(page), [], 'axe: the amendment requests queue')
    await screenshot(page, 'amendment-queue', 'en')
    await row.getByRole('link', { name: en['queue.open'] }).click()
    const requests = page.getByRole('region', { name: en['requests.title'] })
    const item = requests.getByRole('listitem').filter({ hasText: 'follow-up endoscopy' })
    await item.getByRole('button', { name: en['requests.decline'] }).click()
    await item.getByLabel(en['requests.declineReason']).fill('The endoscopy is in a separate record')
    t.strictSame(await seriousViolations(page), [], 'axe: declining a request')
    await item.getByRole('button', { name: en['requests.declineSubmit'] }).click()
    await t.resolves(requests.getByRole('status').getByText(en['requests.declined']).waitFor(), 'declined, in words')
    await t.resolves(item.getByText(en['requests.status.DECLINED']).waitFor(), 'the request is declined')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('the author accepts another request: the amendment form opens with its text as reason', async (t) => {
    const { page, problems } = doctor
    const asked = await api.post(`/api/records/${recordId}/amendment-requests`, { text: 'Please add my penicillin allergy to the notes' }, { token: andi.tokens.accessToken })
    t.equal(asked.status, 201, 'andi asks again')
    await page.reload()
    const item = page.getByRole('region', { name: en['requests.title'] }).getByRole('listitem').filter({ hasText: 'penicillin allergy' })
    await item.getByRole('button', { name: en['requests.accept'] }).click()
    const form = page.getByRole('form', { name: en['amend.acceptTitle'] })
    t.equal(await form.getByLabel(en['amend.reason']).inputValue(), 'Please add my penicillin allergy to the notes', 'the reason starts as the request')
    await form.getByLabel(en['records.notes']).fill('Allergic to penicillin')
    await form.getByRole('button', { name: en['amend.acceptSubmit'] }).click()
    await t.resolves(page.getByRole('status').getByText(fill(en['amend.accepted'], { version: 5 })).waitFor(), 'accepted: version 5')
    await t.resolves(item.getByText(en['requests.status.ACCEPTED']).waitFor(), 'the request is accepted')
    await t.resolves(item.getByText(fill(en['requests.resultingVersion'], { version: 5 })).waitFor(), 'naming the version it made')
    await t.resolves(page.locator('.record-status').getByText(VERIFIED).waitFor(), 'the new version is signed and verifies')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('the patient sees the decision, also in the history, in Indonesian', async (t) => {
    const { page, problems } = patient
    await page.reload()
    const item = page.getByRole('region', { name: en['requests.title'] }).getByRole('listitem').filter({ hasText: 'follow-up endoscopy' })
    await t.resolves(item.filter({ hasText: en['requests.status.DECLINED'] }).filter({ hasText: 'The endoscopy is in a separate record' }).waitFor(), 'declined, with the reason')
    await page.getByRole('link', { name: en['record.history'] }).click()
    await page.getByRole('heading', { level: 1, name: en['versions.title'] }).waitFor()
    await page.getByLabel(en['app.language']).selectOption('id')
    await t.resolves(page.getByRole('heading', { level: 1, name: id['versions.title'] }).waitFor(), 'the history in Indonesian')
    const requests = page.getByRole('region', { name: id['requests.title'] })
    await t.resolves(requests.getByText(id['requests.status.DECLINED']).waitFor(), 'the declined request is in the history')
    await t.resolves(page.locator('ol.versions > li').nth(3).getByText(id['versions.kind.AMENDED'], { exact: false }).first().waitFor(), 'the versions too')
    await t.resolves(page.locator('ol.versions > li').nth(4).getByText(id['versions.fromRequest']).waitFor(), 'the accepted request\'s version is marked')
    t.strictSame(await seriousViolations(page), [], 'axe: the history in Indonesian')
    await screenshot(page, 'record-history', 'id')
    t.strictSame(problems, [], 'no console errors')
  })
})
