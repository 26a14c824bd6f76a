/** Headless Debian Chromium, and what every page check needs: axe-core, storage, screenshots. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { repoPath, type Teardown } from '@rekam/testing/e2e'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium'
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export async function launchBrowser (t: Teardown): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  t.teardown(() => browser.close())
  return browser
}

export type Language = 'id' | 'en'
const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-US' }

/**
 * A fresh browser profile whose preferred language is `language`; console errors (a CSP violation
 * is one) and uncaught page errors are collected in `problems`.
 */
export async function openContext (browser: Browser, language: Language, viewport = { width: 1200, height: 800 }) {
  const context: BrowserContext = await browser.newContext({ locale: LOCALES[language], viewport, timezoneId: 'Asia/Jakarta' })
  const page = await context.newPage()
  const problems: string[] = []
  // Chromium logs every 4xx answer as "Failed to load resource"; the tests provoke some on purpose.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return { context, page, problems }
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.x A and AA rules). */
export async function seriousViolations (page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  if (!await page.evaluate('typeof window.axe === "object"')) await page.evaluate(axeSource)
  // A string, so that this Node program needs no DOM types.
  const violations = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) })))`) as Array<{ id: string, impact: string, targets: string[] }>
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`)
}

/** Everything scripts could read of the page's storage: none of it may be a token. */
export async function readableStorage (page: Page) {
  return await page.evaluate(`({
    localStorage: Object.fromEntries(Object.entries(window.localStorage)),
    sessionStorage: Object.fromEntries(Object.entries(window.sessionStorage)),
    cookie: document.cookie,
  })`) as { localStorage: Record<string, string>, sessionStorage: Record<string, string>, cookie: string }
}

const SHOTS_DIR = repoPath('docs', 'portal')

/** A screenshot for docs/portal.md, as docs/portal/<name>-<language>.png. */
export async function screenshot (page: Page, name: string, language: Language): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true })
  await page.screenshot({ path: `${SHOTS_DIR}/${name}-${language}.png`, fullPage: true })
  writePortalDoc()
}

/** docs/portal.md: the pages as the tests last saw them, in both languages. */
function writePortalDoc (): void {
  const shots = readdirSync(SHOTS_DIR).filter((f) => f.endsWith('.png')).sort()
  const names = [...new Set(shots.map((f) => f.replace(/-(id|en)\.png$/, '')))]
  const lines = [
    '# The portal',
    '',
    'Screenshots written by the browser tests (`services/portal/test`), in Bahasa Indonesia and English.',
    'They show the built portal against the real services with the demo data.',
    '',
    ...names.flatMap((name) => [
      `## ${name}`,
      '',
      ...(['id', 'en'] as const).filter((l) => shots.includes(`${name}-${l}.png`)).map((l) => `![${name} (${l})](portal/${name}-${l}.png)`),
      '',
    ]),
  ]
  writeFileSync(repoPath('docs', 'portal.md'), lines.join('\n'))
}
