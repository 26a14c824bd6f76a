/**
 * A patient in the built portal, in a real browser, against the real services: seed 000's flow
 * by clicking (andi signs in, sees his records with their doctors, opens one, is refused siti's),
 * sign-in errors in the browser's language, the language switch, no token where scripts can read
 * it, a revoked session sent back to sign-in with the reason, and axe-core on every page.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { unwrap } from '@rekam/client'
import { DEMO, client } from '@rekam/testing/e2e'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, openFromMenu, readableStorage, screenshot, seriousViolations, type Language } from './helpers/browser.js'
import { startPortalStack } from './helpers/stack.js'
import { staffClient } from './helpers/staff.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const m = (language: Language) => catalogs[language].messages
const err = (language: Language) => catalogs[language].codes.errors

t.test('the patient portal', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t)
  const browser = await launchBrowser(t)
  const api = client(stack.gatewayUrl)
  const andi = await api.login(DEMO.andi.email, DEMO.andi.password)
  const siti = await api.login(DEMO.siti.email, DEMO.siti.password)
  const andiRecords = (await api.get('/api/records?limit=100', { token: andi.tokens.accessToken })).body.data.items as Array<{ id: string, doctor: { fullName: string } }>
  const sitiRecord = (await api.get('/api/records?limit=1', { token: siti.tokens.accessToken })).body.data.items[0] as { id: string }
  // dr. Sari (in andi's care) reads his latest record: "who opened my record" names her.
  const sari = await staffClient(stack, DEMO.sari)
  unwrap(await sari.records.GET('/api/records/{id}', { params: { path: { id: andiRecords[0]!.id } } }))
  await sari.signOut()

  t.test('sign-in errors in the browser\'s language, the switch, registering, my account', async (t) => {
    const { context, page, problems } = await openContext(browser, 'id')
    t.teardown(() => context.close())
    await page.goto(stack.url)
    await page.getByRole('heading', { name: m('id')['signIn.title'] }).waitFor()
    t.equal(new URL(page.url()).pathname, '/sign-in', 'a visitor is sent to sign-in')
    t.equal(await page.locator('html').getAttribute('lang'), 'id')
    await page.getByLabel(m('id')['signIn.identifier']).fill(DEMO.andi.email)
    await page.getByLabel(m('id')['signIn.password']).fill('wrong-password-1')
    await page.getByRole('button', { name: m('id')['signIn.submit'] }).click()
    await t.resolves(page.getByRole('alert').getByText(err('id').INVALID_CREDENTIALS).waitFor(), 'the wrong password in Indonesian')
    t.strictSame(await seriousViolations(page), [], 'axe: sign-in (id)')
    await screenshot(page, 'sign-in', 'id')

    await page.getByLabel(m('id')['app.language']).selectOption('en')
    await page.getByRole('heading', { name: m('en')['signIn.title'] }).waitFor()
    t.equal(await page.locator('html').getAttribute('lang'), 'en')
    await t.resolves(page.getByRole('alert').getByText(err('en').INVALID_CREDENTIALS).waitFor(), 'the same error, now in English')
    await screenshot(page, 'sign-in', 'en')

    await page.getByLabel(m('en')['signIn.identifier']).fill('')
    await page.getByRole('button', { name: m('en')['signIn.submit'] }).click()
    await t.resolves(page.getByRole('alert').getByText(err('en').VALIDATION_ERROR).waitFor(), 'an empty name: the validation sentence')
    await page.getByRole('link', { name: m('en')['signIn.register'] }).click()
    await page.getByRole('heading', { name: m('en')['register.title'] }).waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: register')
    await screenshot(page, 'register', 'en')
    await page.getByLabel(m('en')['register.fullName']).fill('Rina Kusuma')
    await page.getByLabel(m('en')['register.username']).fill('rina.k')
    await page.getByLabel(m('en')['register.email']).fill('rina.k@example.com')
    await page.getByLabel(m('en')['register.password']).fill('short')
    await page.getByRole('button', { name: m('en')['register.submit'] }).click()
    await t.resolves(page.getByRole('alert').getByRole('listitem').getByText(m('en')['register.password']).waitFor(), 'a short password: the field is named')
    await page.getByLabel(m('en')['register.password']).fill('velvet-harbor-quartz')
    await page.getByRole('button', { name: m('en')['register.submit'] }).click()
    // Registration mails a verification link (optional here): the new patient goes on signed in.
    await page.getByRole('heading', { name: m('en')['checkMail.title'] }).waitFor()
    await page.getByRole('button', { name: m('en')['checkMail.continue'] }).click()
    await page.getByRole('heading', { name: m('en')['records.title'] }).waitFor()
    await t.resolves(page.getByText(m('en')['records.empty']).waitFor(), 'a new patient is signed in, with no records yet')
    await openFromMenu(page, m('en')['nav.account'])
    await page.getByLabel(m('en')['account.fullName']).fill('Rina Kusuma Dewi')
    await page.getByRole('button', { name: m('en')['account.save'] }).click()
    await t.resolves(page.getByRole('status').getByText(m('en')['account.saved']).waitFor(), 'the profile is saved')
    await page.getByLabel(m('en')['account.currentPassword']).fill('not-my-password')
    await page.getByLabel(m('en')['account.newPassword']).fill('lantern-orbit-mango-42')
    await page.getByRole('button', { name: m('en')['account.changePassword'] }).click()
    await t.resolves(page.getByRole('alert').getByText(err('en').CURRENT_PASSWORD_INCORRECT).waitFor(), 'a wrong current password, in words')
    await page.getByLabel(m('en')['account.currentPassword']).fill('velvet-harbor-quartz')
    await page.getByRole('button', { name: m('en')['account.changePassword'] }).click()
    await t.resolves(page.getByRole('status').getByText(m('en')['account.passwordChanged']).waitFor(), 'the password is changed')

    await page.goto(`${stack.url}/no-such-page`)
    await page.getByRole('heading', { name: m('en')['app.notFound'] }).waitFor()
    t.strictSame(await seriousViolations(page), [], 'axe: not found')
    t.strictSame(problems, [], 'no console errors (a CSP violation would be one)')
  })

  t.test('seed 000 by clicking: andi sees his records with their doctors, opens one, is refused siti\'s', async (t) => {
    const { context, page, problems } = await openContext(browser, 'en')
    t.teardown(() => context.close())
    const en = m('en')
    await page.goto(`${stack.url}/sign-in`)
    await page.getByLabel(en['signIn.identifier']).fill(DEMO.andi.email)
    await page.getByLabel(en['signIn.password']).fill(DEMO.andi.password)
    await page.getByRole('button', { name: en['signIn.submit'] }).click()
    await page.getByRole('heading', { name: en['records.title'] }).waitFor()
    const rows = page.getByRole('table').locator('tbody tr')
    await rows.nth(andiRecords.length - 1).waitFor()
    t.equal(await rows.count(), andiRecords.length, 'one row per record of andi')
    for (const name of new Set(andiRecords.map((r) => r.doctor.fullName))) {
      await t.resolves(page.getByRole('cell', { name }).first().waitFor(), `the doctor ${name} is shown`)
    }
    t.strictSame(await seriousViolations(page), [], 'axe: my records')
    await screenshot(page, 'my-records', 'en')

    await rows.first().getByRole('link').click()
    await page.getByRole('heading', { name: new RegExp(en['record.title']) }).waitFor()
    t.equal(new URL(page.url()).pathname, `/records/${andiRecords[0]!.id}`, 'the latest record, the one dr. Sari read')
    await page.getByRole('heading', { name: en['record.accessLog'] }).waitFor()
    await page.getByRole('cell', { name: en['record.accessYou'] }).first().waitFor()
    await t.resolves(page.getByText(en['action.READ']).first().waitFor(), 'the access log shows andi\'s own read')
    const sariRow = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: en['record.accessWho'] }) }).locator('tbody tr', { hasText: 'dr. Sari Wulandari' })
    const sariCell = sariRow.getByRole('cell', { name: /^dr\. Sari Wulandari/ })
    t.equal(await sariCell.innerText(), `dr. Sari Wulandari\n${en['role.DOCTOR']}`, 'who opened it: the doctor by name, with her role')
    t.match(await sariRow.innerText(), en['purpose.TREATMENT'], 'for treatment')
    t.strictSame(await seriousViolations(page), [], 'axe: one record with its access log')
    await screenshot(page, 'record', 'en')

    const storage = await readableStorage(page)
    t.strictSame(storage.sessionStorage, {}, 'nothing in sessionStorage')
    t.equal(storage.cookie, '', 'no cookie scripts can read')
    t.notMatch(JSON.stringify(storage.localStorage), /eyJ|refresh|token/i, 'no token in localStorage')
    const cookies = await context.cookies()
    t.match(cookies, [{ name: '__Host-rekam-refresh', httpOnly: true, secure: true, sameSite: 'Strict', path: '/' }], 'the refresh token only in the HttpOnly cookie')

    await page.goto(`${stack.url}/records/${sitiRecord.id}`)
    await t.resolves(page.getByRole('alert').getByText(err('en').FORBIDDEN).waitFor(), 'another patient\'s record is refused')

    for (const [path, title, shot] of [
      ['/patient/profile', en['patient.title'], 'patient-profile'],
      ['/account', en['account.title'], 'account'],
      ['/account/sessions', en['sessions.title'], 'sessions'],
      ['/account/history', en['history.title'], 'sign-in-history'],
    ] as const) {
      await page.getByRole('navigation').getByRole('link', { name: title }).click()
      await page.getByRole('heading', { name: title, level: 1 }).waitFor()
      await page.getByRole('status').or(page.locator('form, table, .cards')).first().waitFor()
      t.strictSame(await seriousViolations(page), [], `axe: ${path}`)
      await screenshot(page, shot, 'en')
    }
    await t.resolves(page.getByRole('cell', { name: catalogs.en.codes.events.LOGIN_SUCCEEDED }).first().waitFor(), 'the sign-in history lists sign-ins')
    await openFromMenu(page, en['sessions.title'])
    await page.getByRole('button', { name: en['sessions.signOutOthers'] }).click()
    await t.resolves(page.getByRole('status').getByText(en['sessions.othersSignedOut']).waitFor(), 'the other sessions are signed out')
    await t.resolves(page.getByRole('button', { name: en['sessions.revoke'] }).first().waitFor({ state: 'detached' }), 'only this device is left')

    await page.getByLabel(en['app.language']).selectOption('id')
    const id = m('id')
    for (const [title, shot] of [[id['nav.records'], 'my-records'], [id['patient.title'], 'patient-profile'], [id['sessions.title'], 'sessions']] as const) {
      await page.getByRole('navigation').getByRole('link', { name: title }).click()
      await page.getByRole('heading', { name: title, level: 1 }).waitFor()
      await page.locator('form, table, .cards').first().waitFor()
      await screenshot(page, shot, 'id')
    }

    await page.reload()
    await page.getByRole('heading', { name: id['sessions.title'] }).waitFor()
    t.pass('a reload resumes the session from the cookie')
    await page.getByRole('button', { name: id['nav.signOut'], exact: true }).click()
    await t.resolves(page.getByRole('status').getByText(id['signIn.reason.SIGNED_OUT']).waitFor(), 'signed out, and told so')
    t.strictSame(problems, [], 'no console errors')
  })

  t.test('at phone width the records fit the screen', async (t) => {
    const { context, page } = await openContext(browser, 'id', { width: 390, height: 844 })
    t.teardown(() => context.close())
    await page.goto(`${stack.url}/sign-in`)
    await page.getByLabel(m('id')['signIn.identifier']).fill('andi')
    await page.getByLabel(m('id')['signIn.password']).fill(DEMO.andi.password)
    await page.getByRole('button', { name: m('id')['signIn.submit'] }).click()
    await page.getByRole('heading', { name: m('id')['records.title'] }).waitFor()
    t.ok(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'), 'no sideways scrolling of the page')
    await screenshot(page, 'my-records-phone', 'id')

    // The session is ended from elsewhere (another device of andi's ends it).
    const mine = await api.login(DEMO.andi.email, DEMO.andi.password)
    const sessions = (await api.get('/api/auth/sessions', { token: mine.tokens.accessToken })).body.data.items as Array<{ id: string, current: boolean }>
    for (const s of sessions.filter((s) => !s.current)) await api.request(`/api/auth/sessions/${s.id}`, { method: 'DELETE', token: mine.tokens.accessToken })
    await page.getByRole('navigation').getByRole('link', { name: m('id')['nav.sessions'] }).click()
    await t.resolves(page.getByRole('status').getByText(m('id')['signIn.reason.TOKEN_REVOKED']).waitFor(), 'back at sign-in, told the session was ended')
    t.equal(new URL(page.url()).pathname, '/sign-in')
  })
})
