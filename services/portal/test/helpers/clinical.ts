/** What the clinical browser tests (care, emergency access, record integrity) share. */
import type { Page } from 'playwright-core'
import { DEMO_ACCOUNTS } from '@rekam/demo-data'
import { catalogs } from '../../src/lib/i18n/catalog.js'
import type { ServiceClock } from './service-clock.js'
import { totpCode } from './sign-in.js'

const en = catalogs.en.messages

/** A message with its {placeholders} filled in. */
export const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole))

/** The authenticator's code of a demo account at the services' time. */
export function codeAt (clock: ServiceClock, email: string): string {
  const secret = DEMO_ACCOUNTS.find((a) => a.email === email)?.totpSecret
  if (!secret) throw new Error(`${email} has no demo authenticator`)
  return totpCode(secret, Math.floor(clock.now() / 30_000))
}

/** The text of a record's access log, every page of it (the log is paged, oldest first). */
export async function wholeLog (page: Page): Promise<string> {
  const section = page.getByRole('region', { name: en['record.accessLog'] })
  const table = section.getByRole('table')
  await table.waitFor()
  let shown = await table.innerText()
  let text = shown
  const next = section.getByRole('button', { name: en['pager.next'] })
  while (await next.count() > 0 && await next.isEnabled()) {
    await next.click()
    for (let tries = 0; tries < 100 && await table.innerText() === shown; tries++) await page.waitForTimeout(50)
    shown = await table.innerText()
    text += `\n${shown}`
  }
  return text
}
