/**
 * The tools of the canary tests (log-leak*.test.ts): requests that keep every secret they carry
 * or earn (to search the logs for afterwards), and tokens minted or waited for.
 */
import { createPrivateKey, createSign } from 'node:crypto'
import type { Test } from 'tap'
import { freshDemoTotpCode, totpCodeAt } from '@rekam/testing'
import { newRequestId, type ApiResponse, type Client } from '@rekam/testing/e2e'
import { linkToken, type ReceivedMail } from '@rekam/testing/mail'

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** An RS256 token signed with `pem` (to mint one that is expired but otherwise genuine). */
export function signToken (pem: string, header: object, payload: object): string {
  const input = `${b64url(header)}.${b64url(payload)}`
  return `${input}.${createSign('RSA-SHA256').update(input).sign(createPrivateKey(pem)).toString('base64url')}`
}

/** The link to `path` (`/reset-password`) a mail carries, whole, and its token. */
export function mailedLink (mail: ReceivedMail, path: string): { link: string, token: string } {
  const token = linkToken(mail, path)
  const link = mail.text.split(/\s+/).find((word) => word.endsWith(`${path}#token=${token}`))
  if (!link) throw new Error(`the mail has no whole link to ${path}`)
  return { link, token }
}

/** Calls `fn` until `done` holds for its answer (or 10 s pass), and returns the last answer. */
export async function eventually (fn: () => Promise<ApiResponse>, done: (res: ApiResponse) => boolean): Promise<ApiResponse> {
  const deadline = Date.now() + 10_000
  let res = await fn()
  while (!done(res) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    res = await fn()
  }
  return res
}

/**
 * Waits into the next second: a user-wide revocation (block, role change) refuses every token
 * issued up to its second (`iat` has one-second resolution), so a new sign-in waits for the next.
 */
export const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100 - (Date.now() % 1000)))

/**
 * Calls through `api` as the canary client, each checked to be answered below 500, and the
 * secrets they carry or earn, kept by label.
 */
export function canaryCalls (t: Test, api: Client) {
  /** Everything that must never be logged. */
  const secrets = new Map<string, string>()
  const keep = (label: string, value: string) => secrets.set(label, value)
  const tokensOf = (label: string, res: ApiResponse) => {
    const tokens = (res.body?.data?.tokens ?? {}) as { accessToken?: string, refreshToken?: string }
    t.ok(tokens.accessToken && tokens.refreshToken, `${label}: a token pair (status ${res.status})`)
    keep(`${label} access token`, tokens.accessToken!)
    keep(`${label} access token signature`, tokens.accessToken!.split('.')[2]!)
    keep(`${label} refresh token`, tokens.refreshToken!)
    return { access: tokens.accessToken!, refresh: tokens.refreshToken! }
  }
  const call = async (method: string, path: string, opts: { token?: string, json?: unknown, id?: string } = {}) => {
    const res = await api.request(path, { method, token: opts.token, json: opts.json, headers: { 'x-request-id': opts.id ?? newRequestId(), 'user-agent': 'canary-client' } })
    t.ok(res.status < 500, `${method} ${path}: ${res.status}`)
    return res
  }
  /**
   * A sign-in to the end, its secrets kept: staff answer with a TOTP code (a demo account's
   * documented secret), or, with no factor yet, enrol one with the ticket (which signs in).
   */
  const signIn = async (label: string, login: Record<string, string>) => {
    const first = await call('POST', '/api/auth/login', { json: login })
    const { ticket, mfaRequired, mfaEnrollmentRequired } = first.body?.data ?? {}
    if (!mfaRequired && !mfaEnrollmentRequired) return tokensOf(label, first)
    keep(`${label} sign-in ticket`, ticket)
    if (mfaRequired) return tokensOf(label, await call('POST', '/api/auth/mfa/verify', { json: { ticket, method: 'totp', code: freshDemoTotpCode(api.baseUrl, login.email!) } }))
    const { factorId, secret } = (await call('POST', '/api/auth/mfa/totp', { json: { ticket } })).body.data
    keep(`${label} TOTP secret`, secret)
    const confirmed = await call('POST', '/api/auth/mfa/totp/confirm', { json: { ticket, factorId, code: totpCodeAt(secret, Date.now()) } })
    for (const [i, code] of (confirmed.body?.data?.recoveryCodes ?? []).entries()) keep(`${label} recovery code ${i + 1}`, code)
    return tokensOf(label, confirmed)
  }
  const expect = (res: ApiResponse, status: number, what: string) => t.equal(res.status, status, `${what}: ${status}${res.status === status ? '' : ` (${res.text.slice(0, 200)})`}`)
  return { secrets, keep, tokensOf, call, signIn, expect }
}
