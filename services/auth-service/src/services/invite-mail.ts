import type { Role } from '@rekam/auth-verify'
import { mailUnavailable } from '@rekam/errors'
import type { Mail } from '../plugins/app/mail.js'
import type { DeliverSetPasswordLink } from './set-password-links.js'

export interface InviteMailDeps {
  mail: Mail
  /** How the mail names the clinic (see clinicName). */
  clinic: string
  /** Roles that set up a second factor at their first sign-in (MFA_REQUIRED_ROLES). */
  mfaRoles: ReadonlySet<Role>
}

/** The clinic's name as MFA_ISSUER gives it; PUBLIC_URL's host while it is the default "rekam". */
export function clinicName (config: { MFA_ISSUER: string, PUBLIC_URL: string }): string {
  return config.MFA_ISSUER === 'rekam' ? new URL(config.PUBLIC_URL).host : config.MFA_ISSUER
}

/**
 * Invitations by mail: the set-password link goes to the new account's own address in the
 * `invite` mail, queued in the account's transaction, and nobody else gets it (ASVS 6.4.6).
 * Without mail the transaction fails with 503 MAIL_UNAVAILABLE, so no account is left half-made
 * (callers check `mail.assertAvailable()` first; this is the backstop).
 */
export function mailInvitation ({ mail, clinic, mfaRoles }: InviteMailDeps): DeliverSetPasswordLink {
  return async ({ tx, user, link, ttlSeconds, inviter }) => {
    if (user.role !== 'DOCTOR' && user.role !== 'ADMIN') throw new Error(`only staff are invited, not ${user.role}`)
    const queued = await mail.enqueue(tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'invite',
      params: {
        name: user.fullName,
        username: user.username,
        role: user.role,
        invitedBy: inviter ? inviter.fullName ?? inviter.username : clinic,
        clinic,
        url: link.url,
        expiresAt: link.expiresAt.toISOString(),
        validHours: Math.round(ttlSeconds / 3600),
        secondFactor: mfaRoles.has(user.role),
      },
      // The mail is worth sending only while its link works.
      expiresAt: link.expiresAt,
    })
    if (!queued) throw mailUnavailable()
    return null
  }
}
