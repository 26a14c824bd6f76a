/**
 * Cookie delivery in a real browser: headless Chromium keeps the Secure refresh cookie from
 * http://localhost, hides it from scripts, sends it (with Origin and Sec-Fetch-Site) on the
 * page's own refresh and logout, and a page of another origin of the same site cannot use it.
 */
import { existsSync } from 'node:fs'
import Fastify from 'fastify'
import { chromium, type Page } from 'playwright-core'
import { freePort } from '@rekam/testing/e2e'
import t from 'tap'
import { buildTestApp, register } from '../helper.js'

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium'
const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`
const COOKIE = '__Host-rekam-refresh'

interface Answer { status: number, body: any }

/** A JSON POST from the page's own script (a string: the test's compiled functions would carry helpers the page lacks). */
function post (page: Page, url: string, body: object, headers: Record<string, string> = {}, credentials = 'same-origin'): Promise<Answer> {
  return page.evaluate(`(async ([url, body, headers, credentials]) => {
    const res = await fetch(url, { method: 'POST', credentials, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
    return { status: res.status, body: await res.json() }
  })(${JSON.stringify([url, body, headers, credentials])})`)
}

t.test('a browser session by cookie, and a page of another origin that cannot use it', { skip: missing && !process.env.CI ? missing : false }, async (t) => {
  const port = await freePort()
  const origin = `http://localhost:${port}`
  const app = await buildTestApp(t, { env: { PUBLIC_URL: origin } })
  await app.listen({ port, host: '127.0.0.1' })
  const user = await register(app)
  // Another origin of the same site (another port): SameSite lets the cookie go, CORS and the checks must not.
  const other = Fastify()
  other.get('/', (_request, reply) => reply.type('text/html').send('<!doctype html><title>another origin</title>'))
  await other.listen({ port: 0, host: '127.0.0.1' })
  t.teardown(() => other.close())
  const otherOrigin = `http://localhost:${(other.server.address() as { port: number }).port}`

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  t.teardown(() => browser.close())
  // The API's own answers forbid scripts (default-src 'none'); the test's script runs in one of its pages anyway.
  const context = await browser.newContext({ bypassCSP: true })
  const page = await context.newPage()
  await page.goto(`${origin}/health/live`)
  const refresh = () => post(page, '/api/auth/refresh', {}, { 'x-rekam-csrf': '1' })

  const login = await post(page, '/api/auth/login', { username: user.user.username, password: user.password, tokenDelivery: 'cookie' })
  t.equal(login.status, 200)
  t.strictSame(Object.keys(login.body.data.tokens).sort(), ['accessToken', 'expiresIn', 'refreshExpiresIn', 'tokenType'])
  const cookies = await context.cookies()
  t.match(cookies, [{ name: COOKIE, domain: 'localhost', path: '/', httpOnly: true, secure: true, sameSite: 'Strict' }], 'kept over plain HTTP on localhost')
  t.equal(cookies.length, 1)
  t.equal(await page.evaluate('document.cookie'), '', 'scripts cannot read it')

  const refreshed = await refresh()
  t.equal(refreshed.status, 200, 'Origin and Sec-Fetch-Site of the page\'s own request pass')
  t.not((await context.cookies())[0]?.value, cookies[0]?.value, 'the cookie rotated')
  t.equal((await post(page, '/api/auth/refresh', {})).body.error.code, 'CSRF_REJECTED', 'without x-rekam-csrf')

  const forger = await context.newPage()
  await forger.goto(`${otherOrigin}/`)
  for (const path of ['/api/auth/refresh', '/api/auth/logout']) {
    const forged = await forger.evaluate(`fetch(${JSON.stringify(origin + path)}, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', 'x-rekam-csrf': '1' }, body: '{}' })
      .then((res) => 'answered ' + res.status, (err) => err.name)`)
    t.equal(forged, 'TypeError', `${path}: the preflight refuses another origin`)
    // Without a preflight only a "simple" body can be sent: not JSON, refused before the cookie is read.
    await forger.evaluate(`fetch(${JSON.stringify(origin + path)}, { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{}' })`)
  }
  t.equal((await refresh()).status, 200, 'the session is untouched')

  const logout = await post(page, '/api/auth/logout', {}, { 'x-rekam-csrf': '1' })
  t.strictSame(logout.body, { success: true, data: null, message: 'Logged out' })
  t.strictSame(await context.cookies(), [], 'the browser dropped the cookie')
  t.equal((await refresh()).body.error.code, 'REFRESH_TOKEN_INVALID')
})
