import type { AuthApp } from '../src/app.js'

export const REFRESH_COOKIE = '__Host-rekam-refresh'

/** A Set-Cookie header split into its name, value and attributes (flags as true). */
export interface SetCookie {
  name: string
  value: string
  attributes: Record<string, string | true>
}

export function parseSetCookie (header: string): SetCookie {
  const [pair = '', ...rest] = header.split(';').map((part) => part.trim())
  const at = pair.indexOf('=')
  const attributes: Record<string, string | true> = {}
  for (const part of rest) {
    const eq = part.indexOf('=')
    if (eq === -1) attributes[part] = true
    else attributes[part.slice(0, eq)] = part.slice(eq + 1)
  }
  return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes }
}

/** Every Set-Cookie of an answer, parsed. */
export function setCookiesOf (res: { headers: Record<string, unknown> }): SetCookie[] {
  const header = res.headers['set-cookie']
  if (header === undefined) return []
  return [header].flat().map((line) => parseSetCookie(String(line)))
}

/** The attributes the refresh cookie is set with, for a token living `maxAge` seconds. */
export const setAttributes = (maxAge: number) => ({ 'Max-Age': String(maxAge), Path: '/', HttpOnly: true, Secure: true, SameSite: 'Strict' })

/** The one Set-Cookie that clears the refresh cookie: same attributes, empty value, Max-Age=0 (and an Expires in the past). */
export const CLEARED: SetCookie[] = [{
  name: REFRESH_COOKIE,
  value: '',
  attributes: { 'Max-Age': '0', Path: '/', Expires: 'Thu, 01 Jan 1970 00:00:00 GMT', HttpOnly: true, Secure: true, SameSite: 'Strict' },
}]

/** The refresh cookie an answer set (throws when it set none, or cleared it). */
export function refreshCookieOf (res: { headers: Record<string, unknown> }): string {
  const cookie = setCookiesOf(res).find((c) => c.name === REFRESH_COOKIE)
  if (!cookie?.value) throw new Error('no refresh cookie was set')
  return cookie.value
}

/** What the portal's own page sends with a cookie-authenticated request. */
export function fromPortal (cookie: string, origin = 'http://localhost:3000'): Record<string, string> {
  return { cookie: `${REFRESH_COOKIE}=${cookie}`, origin, 'sec-fetch-site': 'same-origin', 'x-rekam-csrf': '1' }
}

export function cookieRefresh (app: AuthApp, headers: Record<string, string>, payload: Record<string, unknown> = {}) {
  return app.inject({ method: 'POST', url: '/api/auth/refresh', payload, headers })
}

export function cookieLogout (app: AuthApp, headers: Record<string, string>, payload: Record<string, unknown> = {}) {
  return app.inject({ method: 'POST', url: '/api/auth/logout', payload, headers })
}

/** Signs in with cookie delivery; returns the answer, its body's tokens and the cookie's value. */
export async function cookieLogin (app: AuthApp, username: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, tokenDelivery: 'cookie' } })
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`)
  return { res, tokens: res.json().data.tokens as { accessToken: string, refreshExpiresIn: number }, cookie: refreshCookieOf(res) }
}
