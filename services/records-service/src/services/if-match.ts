import { preconditionFailed } from '@rekam/errors'

/**
 * An If-Match header against the record's current version: absent or `*` matches, `"<n>"`
 * (strong, as the ETag is sent) must name the current version; a stale or malformed one is 412.
 */
export function assertIfMatch (ifMatch: string | undefined, current: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return
  const match = /^\s*"(\d{1,9})"\s*$/.exec(ifMatch)
  if (!match || Number(match[1]) !== current) throw preconditionFailed(current)
}
