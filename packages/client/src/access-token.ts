/** The access token in memory (never in storage), with when to refresh it. */
export interface AccessToken {
  value: string
  /** When it expires (ms since the epoch, on the client's clock). */
  expiresAt: number
  /** When to refresh it: shortly before it expires, with jitter. */
  refreshAt: number
}

/** At most a minute before expiry, and a quarter of the lifetime for short-lived tokens. */
const LEAD_MS = 60_000
/** Up to 30 s more, so clients holding tokens of one age do not all refresh in the same second. */
const JITTER_MS = 30_000

/** Schedules the refresh of a token that expires at `expiresAt`, given as of `now`. */
export function accessToken (value: string, expiresAt: number, now: number, random: () => number): AccessToken {
  const lifetime = Math.max(0, expiresAt - now)
  const lead = Math.min(LEAD_MS, lifetime / 4) + random() * Math.min(JITTER_MS, lifetime / 8)
  return { value, expiresAt, refreshAt: expiresAt - lead }
}
