/**
 * The idle warning of a staff session in the built portal, in a real browser, against the real
 * services; the page's clock (Playwright's) and the services' clocks move, nobody sleeps: the
 * warning appears two minutes before the 30-minute idle limit and not before, "stay signed in"
 * keeps the session (and the next warning comes 30 minutes later), and a session left alone ends:
 * the sign-in page says why. axe-core on the warning.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { DEMO } from '@rekam/testing/e2e'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, screenshot, seriousViolations } from './helpers/browser.js'
import { ServiceClock } from './helpers/service-clock.js'
import { signIn } from './helpers/sign-in.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages
/** One move takes the services past the staff idle limit (30 minutes). */
const clock = new ServiceClock(31 * 60_000)

t.test('the idle warning of a staff session', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t, clock.env)
  const browser = await launchBrowser(t)
  const { context, page, problems } = await openContext(browser, 'en')
  t.teardown(() => context.close())
  await page.clock.install()
  // The page learns its idle deadline from GET /api/auth/session after signing in; the clock
  // moves only once that answer is in (on a busy machine it can come late).
  const sessionRead = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/auth/session' && res.request().method() === 'GET')
  await signIn(page, stack.url, 'en', DEMO.budi)
  await page.getByRole('heading', { name: en['patients.title'], level: 1 }).waitFor()
  await (await sessionRead).finished()
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)))
  const warning = page.getByRole('alertdialog', { name: en['idle.title'] })

  // 27 minutes untouched: 3 minutes are left, no warning yet; a minute and a half later, there it is.
  await page.clock.fastForward('27:00')
  await page.getByRole('heading', { name: en['patients.title'], level: 1 }).waitFor()
  t.equal(await warning.count(), 0, 'no warning three minutes before the limit')
  await page.clock.fastForward('01:30')
  await warning.waitFor()
  await t.resolves(warning.getByText(/signed out at/).waitFor(), 'it says when the session ends')
  t.equal(await page.evaluate('document.activeElement.textContent'), en['idle.stay'], 'focus is on "stay signed in"')
  t.strictSame(await seriousViolations(page), [], 'axe: the idle warning')
  await screenshot(page, 'idle-warning', 'en')

  await warning.getByRole('button', { name: en['idle.stay'] }).click()
  await warning.waitFor({ state: 'detached' })
  await t.resolves(page.getByRole('navigation').waitFor(), 'still signed in')
  await page.clock.fastForward('27:00')
  t.equal(await warning.count(), 0, 'the session was refreshed: a new 30 minutes')
  await page.clock.fastForward('01:30')
  await t.resolves(warning.waitFor(), 'and the next warning comes before those end')

  // Nobody answers: on the services' clocks the session is now idle; just after the page's limit
  // it asks auth-service once, which refuses, and the sign-in page says why the session ended.
  await clock.advance(stack)
  await page.clock.fastForward('02:00')
  await t.resolves(page.getByRole('status').getByText(en['signIn.reason.SESSION_EXPIRED']).waitFor(), 'signed out, with the reason')
  t.equal(new URL(page.url()).pathname, '/sign-in')
  t.strictSame(problems, [], 'no console errors')
})
