import { createHash, randomBytes } from 'node:crypto'
import type { UserRow } from '../db/schema.js'

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

/**
 * The portal's page for it, the token in the fragment: browsers never send a fragment to a
 * server, so it stays out of gateway logs and Referer headers.
 */
export function setPasswordUrl (publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/set-password#token=${token}`
}

/**
 * How a link reaches the account's owner: the one seam the mail issue replaces (the link goes by
 * mail and the creator gets null). The link is never logged.
 */
export type DeliverSetPasswordLink = (user: UserRow, link: SetPasswordLink) => Promise<SetPasswordLink | null>

/** For now: handed back to whoever created the account (the admin's response, the operator's terminal). */
export const handBackToCreator: DeliverSetPasswordLink = async (_user, link) => link
