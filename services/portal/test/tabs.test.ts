/**
 * Two tabs of one browser share the session (the refresh cookie): when both are due for a refresh
 * at the same moment, they make one refresh request between them and both stay signed in. The
 * pages' clock is Playwright's (installed before the pages load), moved on instead of waited for.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { DEMO } from '@rekam/testing/e2e'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, openFromMenu, readableStorage } from './helpers/browser.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages

t.test('two tabs due for a refresh at once make one refresh request', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t)
  const browser = await launchBrowser(t)
  const { context, page, problems } = await openContext(browser, 'en')
  t.teardown(() => context.close())
  await context.clock.install()

  await page.goto(`${stack.url}/sign-in`)
  await page.getByLabel(en['signIn.identifier']).fill(DEMO.andi.email)
  await page.getByLabel(en['signIn.password']).fill(DEMO.andi.password)
  await page.getByRole('button', { name: en['signIn.submit'] }).click()
  await page.getByRole('heading', { name: en['records.title'] }).waitFor()
  const second = await context.newPage()
  await second.goto(`${stack.url}/account/sessions`)
  await second.getByRole('heading', { name: en['sessions.title'] }).waitFor()
  t.pass('the second tab resumed the session from the cookie')

  const refreshes: number[] = []
  context.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/auth/refresh') refreshes.push(Date.now())
  })
  // Past both access tokens' refresh time (15-minute tokens, refreshed in their last minute or so).
  await context.clock.fastForward('15:00')
  await Promise.all([openFromMenu(page, en['nav.history']), openFromMenu(second, en['nav.history'])])
  t.equal(refreshes.length, 1, 'one refresh request for both tabs')
  for (const tab of [page, second]) {
    await t.resolves(tab.getByRole('cell', { name: catalogs.en.codes.events.LOGIN_SUCCEEDED }).first().waitFor(), 'the tab is still signed in')
    const storage = await readableStorage(tab)
    t.strictSame([storage.sessionStorage, storage.cookie], [{}, ''], 'no token where scripts can read it')
  }

  await openFromMenu(second, en['nav.records'])
  await second.getByRole('button', { name: en['nav.signOut'], exact: true }).click()
  await second.getByRole('status').getByText(en['signIn.reason.SIGNED_OUT']).waitFor()
  await page.getByRole('status').getByText(en['signIn.reason.SIGNED_OUT']).waitFor()
  t.pass('signing out in one tab signs out the other')
  t.strictSame(problems, [], 'no console errors')
})
