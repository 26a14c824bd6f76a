import Bowser from 'bowser'

/** What a User-Agent says about the device, as the new-device check compares and a notice names it. */
export interface Device {
  /** Browser family and operating system ("Chrome|Android"), without versions: an update is no new device. */
  key: string
  /** For people, in any language: "Chrome · Android"; null when the request named no client. */
  label: string | null
}

/** The first product of a User-Agent no browser family matches ("curl/8.5" gives "curl"). */
const productOf = (userAgent: string) => userAgent.split(/[\s/;(]/, 1)[0]!.slice(0, 40)

/**
 * The device of a sign-in, from its User-Agent (bowser): browser family and system. A client no
 * family matches (an API script) is known by its product name; a request without a User-Agent is
 * the empty device, which matches only other requests without one.
 */
export function deviceOf (userAgent: string | null): Device {
  if (!userAgent) return { key: '', label: null }
  const { browser, os } = Bowser.parse(userAgent)
  if (!browser.name && !os.name) {
    const product = productOf(userAgent)
    return { key: `?${product}`, label: product || null }
  }
  const label = browser.name && os.name ? `${browser.name} · ${os.name}` : (browser.name || os.name)!
  return { key: `${browser.name ?? ''}|${os.name ?? ''}`, label }
}

/** Where a change came from, as a notification tells its user: the client address and the device, when known. */
export function originOf (meta: { ip: string | null, userAgent: string | null }): { ip?: string, device?: string } {
  const device = deviceOf(meta.userAgent).label
  return { ...(meta.ip ? { ip: meta.ip } : {}), ...(device ? { device } : {}) }
}
