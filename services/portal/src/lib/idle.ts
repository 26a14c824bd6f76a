/** How long before a session's idle limit the warning shows. */
export const IDLE_WARNING_LEAD_MS = 2 * 60_000

/**
 * After the limit, how long the page waits before it asks auth-service (which then refuses the
 * refresh and the session ends with its reason): past the Date header's one-second precision, so
 * the page never refreshes a session the server still holds open.
 */
export const IDLE_END_MARGIN_MS = 5_000

/**
 * The idle limit on this page's clock: the time left by the server's own clock (the answer's
 * `Date` header), counted from `now`; so a page whose clock is off warns on time all the same.
 */
export function idleDeadline (idleExpiresAt: string, serverDate: string | null, now: number): number {
  const server = serverDate ? Date.parse(serverDate) : Number.NaN
  return now + Date.parse(idleExpiresAt) - (Number.isNaN(server) ? now : server)
}
