/**
 * axe-core on every route of the portal, as one role sees it: the first page opened by its address
 * (a full load, the session resumed from the cookie), every other one by the router's own
 * navigation, as a link in the app opens it; each checked once it has settled. A full load per
 * route cost about a CPU-second each (the bundle parsed, the session refreshed, axe-core injected
 * again) for nothing the sweep checks.
 */
import { readFileSync } from 'node:fs'
import type { Page, Request } from 'playwright-core'
import { PORTAL_DIR } from './stack.js'
import { seriousViolations } from './browser.js'

/** As long as Playwright waits for an element: a page whose data never arrives fails, naming what it waits for. */
const IDLE_TIMEOUT_MS = 30_000

/** The paths src/app/router.tsx declares (`*` is the not-found page), as written there. */
export function routerPaths (): string[] {
  const source = readFileSync(`${PORTAL_DIR}/src/app/router.tsx`, 'utf8')
  return [...source.matchAll(/\bpath: '([^']+)'/g)].map((m) => m[1]!)
}

/** A route pattern (`/records/:id`) with its parameters filled in from `ids`. */
export function fill (pattern: string, ids: Record<string, string>): string {
  if (pattern === '*') return '/no-such-page'
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = ids[name]
    if (!value) throw new Error(`no value for :${name} of ${pattern}`)
    return value
  })
}

/** The API requests in flight (those begun before this is called are not counted), to wait until a page's data has arrived. */
function apiRequests (page: Page) {
  const pending = new Set<Request>()
  const waiters: Array<() => void> = []
  const done = (request: Request) => {
    if (!pending.delete(request) || pending.size > 0) return
    for (const resolve of waiters.splice(0)) resolve()
  }
  page.on('request', (request) => { if (new URL(request.url()).pathname.startsWith('/api/')) pending.add(request) })
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  return {
    idle: (what: string) => pending.size === 0
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${what}: still waiting for ${[...pending].map((r) => r.url()).join(', ')}`)), IDLE_TIMEOUT_MS)
        waiters.push(() => { clearTimeout(timer); resolve() })
      }),
  }
}

/**
 * Opens `path` as the app's links do, without a page load: a history entry in the router's own
 * format and the `popstate` the router listens to. Waits for a heading the page before did not
 * have (two routes opened one after the other must show different pages, which the route lists
 * below do).
 */
async function navigateInApp (page: Page, path: string): Promise<void> {
  await page.evaluate(`(() => {
    for (const heading of document.querySelectorAll('main h1')) heading.setAttribute('data-swept', '')
    const idx = (typeof history.state?.idx === 'number' ? history.state.idx : 0) + 1
    history.pushState({ usr: null, key: 'sweep' + idx, idx }, '', ${JSON.stringify(path)})
    dispatchEvent(new PopStateEvent('popstate', { state: history.state }))
  })()`)
  await page.locator('main h1:not([data-swept])').first().waitFor()
}

/**
 * Opens each path in `patterns` (filled from `ids`, or from `ids(pattern)`) and returns axe's
 * serious and critical violations per path (an empty list each when all is well) and where each
 * path ended up. The first path is loaded by its address; the others are opened inside the app
 * (a path the page already shows is checked as it is).
 */
export async function sweep (page: Page, url: string, patterns: readonly string[], ids: Record<string, string> | ((pattern: string) => Record<string, string>) = {}) {
  const requests = apiRequests(page)
  const results: Array<{ pattern: string, path: string, violations: string[] }> = []
  for (const [index, pattern] of patterns.entries()) {
    const path = fill(pattern, typeof ids === 'function' ? ids(pattern) : ids)
    if (index === 0) await page.goto(url + path)
    else if (new URL(page.url()).pathname !== path) await navigateInApp(page, path)
    await page.locator('main h1').first().waitFor()
    // Effects run after the paint that shows the heading: let them start their requests first.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))')
    await requests.idle(pattern)
    await page.locator('main .loading').first().waitFor({ state: 'detached' })
    results.push({ pattern, path: new URL(page.url()).pathname, violations: await seriousViolations(page) })
  }
  return results
}

export const ACCOUNT_ROUTES = ['/account', '/account/sessions', '/account/history', '/account/notifications'] as const

/**
 * The routes each visitor can open, every route of the router in at least one list (the test
 * checks it): a new route without a place here fails the sweep.
 */
export const ROUTES_BY_ROLE = {
  'signed out': ['/', '/sign-in', '/register', '/forgot-password', '/set-password', '/reset-password', '/verify-email', '/confirm-email', '*'],
  PATIENT: ['/', '/records', '/records/:id', '/records/:id/history', '/patient/profile', '/care-team', '/claim', ...ACCOUNT_ROUTES, '*'],
  DOCTOR: [
    '/', '/patients', '/patients/new', '/patients/:id', '/records', '/records/new', '/records/:id', '/records/:id/edit', '/records/:id/history',
    '/amendment-requests', '/doctor/profile', ...ACCOUNT_ROUTES,
  ],
  ADMIN: [
    '/', '/admin/users', '/admin/events', '/admin/emergency-access', '/admin/refusals', '/admin/audit-trail', '/patients', '/patients/new',
    '/patients/:id', '/records', '/records/new', '/records/:id', '/records/:id/history', '/amendment-requests', ...ACCOUNT_ROUTES,
  ],
} as const
