/**
 * The API docs render in a real browser reached over plain HTTP on an address that is not
 * loopback, as on a clinic's LAN: headless Chromium in a network namespace of the test's own
 * loads each service's docs through the nginx gateway and finds every operation drawn. A CSP
 * with upgrade-insecure-requests (or any asset the page cannot load) leaves the page blank.
 * Where namespaces cannot be made, Chromium reaches the gateway on 127.0.0.2 by a host name that
 * is not localhost (a browser judges an origin by its name, so that one is not trusted either).
 */
import { existsSync } from 'node:fs'
import t from 'tap'
import { chromium, type Browser } from 'playwright-core'
import { ensureBuilt, findNginx, startNginx, startServices, tempDir } from '@rekam/testing/e2e'
import { createNetns, netnsUnavailable } from './helpers/netns.js'

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium'
const nginxBin = findNginx()
const missing = !nginxBin ? 'nginx is not installed' : !existsSync(CHROMIUM) ? `${CHROMIUM} is not installed` : undefined
const noNetns = missing ? undefined : netnsUnavailable()
const FALLBACK_NAME = 'rekam-docs.test'

const DOCS = ['/api/auth/docs', '/api/records/docs']

t.test('the docs render through the gateway on a non-loopback address over HTTP', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  for (const note of ensureBuilt()) t.comment(note)
  if (noNetns) t.comment(`no network namespace (${noNetns}): Chromium uses ${FALLBACK_NAME} mapped to 127.0.0.2`)
  const netns = noNetns ? undefined : createNetns(t)
  const docsEnv = { API_DOCS: 'true', TRUST_PROXY: '127.0.0.1' }
  const { auth, records } = await startServices(t, { auth: docsEnv, records: docsEnv })
  const gateway = await startNginx(t, { auth: `127.0.0.1:${auth.port}`, records: `127.0.0.1:${records.port}` }, nginxBin, { host: netns?.hostAddress ?? '127.0.0.2' })
  const base = netns ? gateway.url : `http://${FALLBACK_NAME}:${gateway.port}`

  const browser: Browser = await chromium.launch({
    executablePath: netns ? netns.wrap(tempDir(t, 'chromium'), CHROMIUM) : CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...(netns ? [] : [`--host-resolver-rules=MAP ${FALLBACK_NAME} 127.0.0.2`])],
  })
  t.teardown(() => browser.close())

  for (const path of DOCS) {
    t.test(path, async (t) => {
      const document = await (await fetch(`${gateway.url}${path}/json`)).json() as { paths: Record<string, Record<string, unknown>> }
      const operations = Object.values(document.paths).flatMap((item) => Object.keys(item).filter((key) => /^(get|put|post|delete|patch)$/.test(key))).length
      t.ok(operations > 3, `the document lists ${operations} operations`)

      const page = await browser.newPage()
      t.teardown(() => page.close())
      const failed: string[] = []
      page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`))
      const answer = await page.goto(`${base}${path}/`, { waitUntil: 'load' })
      t.equal(answer?.status(), 200, `loaded from ${base}`)
      t.notMatch(answer?.headers()['content-security-policy'] ?? '', /upgrade-insecure-requests/, 'nothing sent to https://')
      t.equal(answer?.headers()['strict-transport-security'], undefined, 'no HSTS over HTTP')

      // Swagger UI is a large page: on a busy 2-core machine its first render took over 30 s once.
      await page.locator('.opblock').first().waitFor({ timeout: 90_000 })
      t.equal(await page.locator('.opblock').count(), operations, 'one .opblock per operation')
      t.strictSame(failed, [], 'every request of the page succeeded')
    })
  }
})
