import type { AuthApp } from '../src/app.js'

type Response = Awaited<ReturnType<AuthApp['inject']>>

/**
 * A burst of requests whose password comparisons are held until every request of the burst has
 * either been answered or reached its comparison: as in production, where a bcrypt compare takes
 * a quarter of a second and every attempt of a burst arrives while the first ones are still
 * hashing. The real password manager does the work; the gate only counts and holds it. The
 * counts hold while the gate is closed; `restore` takes the gate away again.
 */
export function passwordGate (app: AuthApp) {
  const hasher = app.passwords.hasher
  const compare = hasher.compare
  let compared = 0
  let answered = 0
  let sent = 0
  let open!: () => void
  const opened = new Promise<void>((resolve) => { open = resolve })
  let waiter: { sent: number, resolve: () => void } | undefined
  const check = () => {
    if (waiter && compared + answered >= waiter.sent) {
      waiter.resolve()
      waiter = undefined
    }
  }
  hasher.compare = async (password, hash) => {
    compared++
    check()
    await opened
    return compare(password, hash)
  }

  return {
    /** Passwords compared (wrong, right and the dummy compares of unknown names alike). */
    get compared () { return compared },
    /** Starts requests; they count as settled once answered or held at their comparison. */
    send (requests: Array<() => Promise<Response>>): Promise<Response[]> {
      sent += requests.length
      return Promise.all(requests.map((request) => request().then((res) => { answered++; check(); return res })))
    },
    /** Resolves once every request sent so far is answered or waiting at its comparison. */
    settled (): Promise<void> {
      return new Promise((resolve) => {
        waiter = { sent, resolve }
        check()
      })
    },
    /** Lets the held comparisons run (and every later one). */
    open: () => open(),
    restore: () => { hasher.compare = compare },
  }
}

/** How many responses had each status, e.g. `{ 401: 5, 429: 25 }`. */
export function statusTally (responses: Response[]): Record<number, number> {
  const tally: Record<number, number> = {}
  for (const res of responses) tally[res.statusCode] = (tally[res.statusCode] ?? 0) + 1
  return tally
}
