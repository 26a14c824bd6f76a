/**
 * The admin verifies both services' audit trails in the built portal, in a real browser, against
 * the real services, after a patient has read their records (rows in the record access log).
 * axe-core on the page.
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { DEMO, client } from '@rekam/testing/e2e'
import { catalogs } from '../src/lib/i18n/catalog.js'
import { CHROMIUM, launchBrowser, openContext, screenshot, seriousViolations } from './helpers/browser.js'
import { signIn } from './helpers/sign-in.js'
import { startPortalStack } from './helpers/stack.js'

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const en = catalogs.en.messages

t.test('the audit trails in the portal', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const stack = await startPortalStack(t)
  const browser = await launchBrowser(t)
  const api = client(stack.gatewayUrl)
  const andi = await api.login(DEMO.andi.email, DEMO.andi.password)
  // Reading the list logs a READ of each record on its page.
  const listed = await api.get('/api/records', { token: andi.tokens.accessToken })
  if (listed.status !== 200) throw new Error(`andi's records: ${listed.status} ${listed.text}`)
  const admin = await openContext(browser, 'en')
  t.teardown(() => admin.context.close())
  await signIn(admin.page, stack.url, 'en', DEMO.admin)

  t.test('the admin verifies both audit trails', async (t) => {
    const { page, problems } = admin
    await page.getByRole('navigation').getByRole('link', { name: en['nav.auditTrail'], exact: true }).click()
    await page.getByRole('heading', { level: 1, name: en['trail.title'] }).waitFor()
    await page.getByRole('button', { name: en['trail.verify'] }).click()
    for (const service of [en['trail.service.records'], en['trail.service.auth']]) {
      const section = page.getByRole('region', { name: service })
      await t.resolves(section.getByRole('status').getByText(new RegExp(`^${en['trail.intact']} · `)).waitFor(), `${service}: intact`)
      const rows = section.getByRole('table').locator('tbody tr')
      t.ok(await rows.count() > 0, `${service}: its trails are listed`)
      t.equal(await rows.filter({ hasNotText: en['trail.intact'] }).count(), 0, `${service}: every trail intact`)
    }
    const log = page.getByRole('row', { name: new RegExp(en['trail.name.record_access_log']) })
    t.ok(Number(await log.locator('td').nth(1).innerText()) > 0, 'the record access log has rows')
    t.strictSame(await seriousViolations(page), [], 'axe: the audit trail verification')
    await screenshot(page, 'admin-audit-trail', 'en')
    t.strictSame(problems, [], 'no console errors')
  })
})
