import { createHash, randomBytes } from 'node:crypto'
import type { UserRow } from '../db/schema.js'
import { portalLink } from '../lib/portal-links.js'
import type { AuthDb } from '../plugins/app/db.js'

/** How long links last: an invited colleague may open theirs after a weekend; the first admin's is used at once. */
export const INVITE_LINK_TTL_SECONDS = 72 * 3600
export const FIRST_ADMIN_LINK_TTL_SECONDS = 24 * 3600

/** A one-time link to choose an account's password, and when it stops working. */
export interface SetPasswordLink {
  url: string
  expiresAt: Date
}

/** 256 random bits, base64url; only its hash is stored. */
export function newSetPasswordToken (): { token: string, tokenHash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashSetPasswordToken(token) }
}

export function hashSetPasswordToken (token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The portal's page for it, the token in the fragment (see portalLink). */
export function setPasswordUrl (publicUrl: string, token: string): string {
  return portalLink(publicUrl, '/set-password', token)
}

/** A new account's link on its way to the owner, inside the transaction that creates the account. */
export interface LinkDelivery {
  tx: AuthDb
  /** The new account. */
  user: UserRow
  link: SetPasswordLink
  /** How long the link works, in seconds. */
  ttlSeconds: number
  /** The admin who created it; undefined on the command line. */
  inviter: UserRow | undefined
}

/**
 * How a link reaches the account's owner: mailed (invite-mail.ts; the creator gets null) or handed
 * back to the one creator who may see it, the operator at the server's terminal. It runs inside
 * the account's transaction, so a link that cannot be delivered leaves no account behind. The
 * link is never logged.
 */
export type DeliverSetPasswordLink = (delivery: LinkDelivery) => Promise<SetPasswordLink | null>

/** `admin:create`: the first admin's link is printed on the operator's terminal (no mail needed). */
export const handBackToCreator: DeliverSetPasswordLink = async ({ link }) => link
