/**
 * What a browser adds to the page's requests, for cookie delivery on Node: a cookie jar (the
 * cookies auth-service sets are sent back on the following requests) and the `Origin` header of
 * the page. The requests themselves are real. Several clients given one jar are tabs of one
 * browser.
 */
export class CookieJar {
  readonly cookies = new Map<string, { value: string, attributes: string }>()

  /** The raw Set-Cookie lines seen, for assertions on the cookie's attributes. */
  readonly setCookies: string[] = []

  header (): string | undefined {
    if (this.cookies.size === 0) return undefined
    return [...this.cookies].map(([name, { value }]) => `${name}=${value}`).join('; ')
  }

  store (lines: string[]): void {
    for (const line of lines) {
      this.setCookies.push(line)
      const [pair = '', ...attributes] = line.split(';')
      const at = pair.indexOf('=')
      const name = pair.slice(0, at).trim()
      const value = pair.slice(at + 1).trim()
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === ''
      if (expired) this.cookies.delete(name)
      else this.cookies.set(name, { value, attributes: attributes.join(';').trim() })
    }
  }
}

export function browserFetch (jar: CookieJar, origin: string, sent: Request[] = []): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const cookie = jar.header()
    if (cookie && request.credentials !== 'omit') request.headers.set('cookie', cookie)
    // Browsers send Origin with every POST, PATCH, PUT and DELETE, same-origin ones included.
    if (request.method !== 'GET' && request.method !== 'HEAD') request.headers.set('origin', origin)
    sent.push(request.clone())
    const response = await globalThis.fetch(request)
    jar.store(response.headers.getSetCookie())
    return response
  }
}

/**
 * A stand-in for `navigator.locks` (Node 20 has none): an exclusive lock per name, granted in
 * request order; with `ifAvailable` the callback gets null while the lock is held or asked for.
 */
export function processLocks () {
  const tails = new Map<string, Promise<unknown>>()
  const busy = new Map<string, number>()
  function request<T> (name: string, ...args: [(lock: unknown) => Promise<T>] | [{ ifAvailable: true }, (lock: unknown) => Promise<T>]): Promise<T> {
    const callback = args.length === 1 ? args[0] : args[1]
    if (args.length === 2 && (busy.get(name) ?? 0) > 0) return callback(null)
    busy.set(name, (busy.get(name) ?? 0) + 1)
    const run = (tails.get(name) ?? Promise.resolve()).then(() => callback({ name })).finally(() => busy.set(name, (busy.get(name) ?? 1) - 1))
    tails.set(name, run.catch(() => undefined))
    return run
  }
  return { request }
}
