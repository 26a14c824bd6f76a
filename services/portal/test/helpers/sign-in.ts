/** Signing in through the portal's form, with the second step the demo staff owe. */
import { DEMO_ACCOUNTS } from '@rekam/demo-data'
import { Secret, TOTP } from 'otpauth'
import type { Page } from 'playwright-core'
import { catalogs } from '../../src/lib/i18n/catalog.js'
import type { Language } from './browser.js'

/** The code of a base32 TOTP secret at the 30-second step `step`. */
export function totpCode (secret: string, step: number): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 })
  return totp.generate({ timestamp: step * 30_000 })
}

/**
 * Each account accepts each step once, and only steps later than the last accepted, within one
 * step of drift either way: the code of step `s` is accepted until the server's clock reaches step
 * `s + 2`. Successive sign-ins of one account take successive steps, from now - 1 (so three fit in
 * one step), but never one with less than 10 s of validity left: a busy machine may take seconds
 * between filling the code and the server checking it.
 */
const nextStep = new Map<string, number>()
const MIN_VALIDITY_MS = 10_000
export function nextTotpCode (email: string, now = Date.now()): string {
  const secret = DEMO_ACCOUNTS.find((a) => a.email === email)?.totpSecret
  if (!secret) throw new Error(`${email} has no demo authenticator`)
  let step = Math.max(nextStep.get(email) ?? 0, Math.floor(now / 30_000) - 1)
  if ((step + 2) * 30_000 - now < MIN_VALIDITY_MS) step += 1
  nextStep.set(email, step + 1)
  return totpCode(secret, step)
}

/** Password, then (for demo staff) the authenticator code; resolves once the menu is there. */
export async function signIn (page: Page, url: string, language: Language, account: { email: string, password: string }) {
  const m = catalogs[language].messages
  await page.goto(`${url}/sign-in`)
  await page.getByLabel(m['signIn.identifier']).fill(account.email)
  await page.getByLabel(m['signIn.password']).fill(account.password)
  await page.getByRole('button', { name: m['signIn.submit'] }).click()
  if (DEMO_ACCOUNTS.find((a) => a.email === account.email)?.totpSecret) {
    await page.getByLabel(m['mfa.code']).fill(nextTotpCode(account.email))
    await page.getByRole('button', { name: m['mfa.step.submit'] }).click()
  }
  await page.getByRole('navigation').waitFor()
}
