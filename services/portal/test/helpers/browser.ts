/** Headless Debian Chromium, and what every page check needs: axe-core, storage, screenshots. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
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

/** Opens a page from the menu and waits for its content. */
export async function openFromMenu (page: Page, title: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: title, exact: true }).click()
  await page.getByRole('heading', { name: title, level: 1 }).waitFor()
  await page.locator('form, table, .cards').first().waitFor()
}

/**
 * `UPDATE_PORTAL_DOCS=1` (the package's `screenshots` script) writes the screenshots and
 * docs/portal.md; other runs take none (a full-page PNG costs a fraction of a CPU-second, two
 * dozen of them a noticeable share of the suite), so a test run leaves the checkout as it was.
 */
const UPDATE_DOCS = process.env.UPDATE_PORTAL_DOCS === '1'
const SHOTS_DIR = repoPath('docs', 'portal')

/** A screenshot of a page as docs/portal.md shows it, as <name>-<language>.png (only when updating the docs). */
export async function screenshot (page: Page, name: string, language: Language): Promise<void> {
  if (!UPDATE_DOCS) return
  mkdirSync(SHOTS_DIR, { recursive: true })
  await page.screenshot({ path: join(SHOTS_DIR, `${name}-${language}.png`), fullPage: true })
  if (UPDATE_DOCS) writePortalDoc()
}

/** What each screenshot shows, in the order docs/portal.md lists them. */
const CAPTIONS: Record<string, string> = {
  'sign-in': 'Sign in, with a wrong password',
  'sign-in-second-step': 'The second step of a staff sign-in: the authenticator\'s code',
  'sign-in-enrolment': 'A new doctor sets up an authenticator on the way in',
  'sign-in-passkey-step': 'The second step with a passkey',
  register: 'Register as a patient',
  'check-mail': 'After registering: check your mail (and ask for the link again)',
  'verify-email': 'The page of the verification link: the address is verified',
  'forgot-password': 'Forgot your password: the same answer for every address',
  'reset-password-factor': 'A reset link for an account with a second factor: the authenticator\'s code too',
  'my-records': 'A patient\'s records, each with its doctor',
  'my-records-phone': 'The same at phone width',
  record: 'One record, and who opened it',
  'amendment-request': 'A signed record, its signature checked in the browser, and the patient\'s request for a correction',
  'record-history': 'A record\'s history: every version with the words changed from the one before, and the amendment requests',
  'patient-profile': 'My patient profile',
  'care-team': 'My care team: the doctors who may read my records, granting and ending access, the history',
  'access-log-emergency': 'Who opened my record: an emergency read marked, and someone refused access',
  'profile-access-log': 'Who opened my profile: the intake search, a refusal and emergency reads',
  account: 'My account: profile and password',
  'account-authenticator': 'My account: adding an authenticator app',
  'account-passkey': 'My account: adding a passkey',
  'account-email-pending': 'My account: an email change waiting for its link',
  'confirm-email': 'The page of the link mailed to a new address',
  'account-deletion': 'My account: a deletion scheduled after the cooling-off period',
  notifications: 'My notifications',
  sessions: 'My sessions',
  'sign-in-history': 'My sign-in history',
  'doctor-patients': 'A doctor\'s patients: those in their care',
  'doctor-record-form': 'A doctor writes a record',
  'doctor-records': 'Records filtered by date',
  'record-stale-edit': 'An edit opened on an older version is refused, what was typed kept',
  'record-signed': 'The author signed the record: final, the signature verified in the browser',
  'amendment-queue': 'A doctor\'s amendment requests waiting for a decision',
  'doctor-profile': 'My doctor profile',
  'emergency-access': 'A doctor outside the patient\'s care asks for emergency access: the reason, counted',
  'emergency-record': 'The record read under emergency access, with its banner',
  'doctor-referral': 'A doctor in care refers the patient to another doctor, for a limited time',
  'front-desk-duplicates': 'Front-desk registration: a patient with a similar name and the same date of birth is on file',
  'front-desk-patient': 'A registered patient\'s page for staff: MRN, NIK, BPJS number, and a claim code to print',
  'claim-code-print': 'The claim-code slip as it prints',
  'intake-search': 'My patients, and a returning patient found by NIK',
  claim: 'A patient claims the profile registered at the desk (a wrong code refused)',
  'claim-done': 'The claimed profile, with its medical record number',
  'admin-users': 'An admin\'s users: search, role, block',
  'admin-events': 'Security events',
  'patient-care-team': 'An admin assigns a doctor to a patient\'s care team',
  'admin-emergency-access': 'An admin\'s review queue of emergency access',
  'admin-refusals': 'Refused access to patients and records',
  'admin-audit-trail': 'An admin verifies the audit trails of both services: intact',
  'admin-invite': 'An admin invites a doctor: the set-password link goes to the doctor by mail',
  'set-password': 'The invited doctor chooses a password from the mailed link',
  'step-up': 'Confirm it is you: a sign-in too old for deleting a record or changing a user',
  'idle-warning': 'A staff session about to end after 30 idle minutes',
}

/** docs/portal.md: the pages as the tests last saw them, in both languages where they took both. */
function writePortalDoc (): void {
  const shots = readdirSync(SHOTS_DIR).filter((f) => f.endsWith('.png'))
  const names = Object.keys(CAPTIONS).filter((name) => shots.some((f) => f.startsWith(`${name}-`) && /^-(id|en)\.png$/.test(f.slice(name.length))))
  const lines = [
    '# The portal',
    '',
    'The web portal (`services/portal`) as its browser tests see it: the built portal behind the local',
    'gateway, the real services with the demo data, in Bahasa Indonesia (id) and English (en). The',
    'tests write this page and the images beside it; run them to refresh both.',
    '',
    ...names.flatMap((name) => [
      `## ${CAPTIONS[name]}`,
      '',
      ...(['id', 'en'] as const).filter((l) => shots.includes(`${name}-${l}.png`)).map((l) => `![${CAPTIONS[name]} (${l})](portal/${name}-${l}.png)`),
      '',
    ]),
  ]
  writeFileSync(repoPath('docs', 'portal.md'), lines.join('\n'))
}
