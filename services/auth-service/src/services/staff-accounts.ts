import { conflict, isUniqueViolation, setPasswordTokenInvalid } from '@rekam/errors'
import type { UserRow } from '../db/schema.js'
import type { ClientMeta } from '../lib/client-meta.js'
import { originOf } from '../lib/device.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { EmailTokens } from './email-tokens.js'
import type { Notifications } from '../plugins/app/notifications.js'
import type { Passwords } from '../plugins/app/passwords.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { SetPasswordTokensRepository } from '../plugins/app/set-password-tokens-repository.js'
import type { UsersRepository } from '../plugins/app/users-repository.js'
import type { NewStaffAccount } from '../schemas/user.js'
import {
  handBackToCreator, hashSetPasswordToken, newSetPasswordToken, setPasswordUrl, type DeliverSetPasswordLink, type SetPasswordLink,
} from './set-password-links.js'

export interface StaffAccountsDeps {
  db: AuthDb
  passwords: Passwords
  users: UsersRepository
  events: SecurityEventsRepository
  tokens: SetPasswordTokensRepository
  /** A password set voids the account's reset links. */
  emailTokens: EmailTokens
  /** Where the portal is (PUBLIC_URL): links start with it. */
  publicUrl: string
  /** How links reach their owners: by mail in the app; handed back (the operator's terminal) by default. */
  deliver?: DeliverSetPasswordLink | undefined
  /** Tells the owner their password was set (the HTTP app; the command line sets none by link). */
  notifications?: Notifications | undefined
  /** The clock, in epoch ms (tests move it instead of waiting); the system clock by default. */
  now?: (() => number) | undefined
}

/** Who made the account: an admin through the API, or an operator on the command line (no user). */
export interface Creator {
  actorUserId: string | null
  via: 'api' | 'admin:create'
}

const userInputs = (user: Pick<UserRow, 'username' | 'email' | 'fullName'>) => [user.username, user.email, user.fullName ?? '']

/**
 * Accounts made for someone else (DOCTOR and ADMIN: registration makes only PATIENTs). An admin
 * never chooses or sees the password: the account has none until its owner sets one through a
 * one-time link, or (first admin only, on the command line) the operator types it.
 *
 * Addresses: an account made on the command line counts as verified (the operator at the
 * server vouches for it); an invited one is verified when its owner uses the mailed link.
 */
export function createStaffAccounts (deps: StaffAccountsDeps) {
  const { db, passwords, users, events, tokens, publicUrl } = deps
  const deliver = deps.deliver ?? handBackToCreator
  const now = () => new Date(deps.now?.() ?? Date.now())

  /**
   * Inserts the user and what the transaction adds; a taken username or email is 409. The
   * account's language is the one asked for, else its creator's (the terminal's: the default).
   */
  async function insert<R> (account: NewStaffAccount, passwordHash: string | null, creator: Creator, more: (user: UserRow, inviter: UserRow | undefined, tx: AuthDb) => Promise<R>) {
    try {
      return await db.transaction(async (tx) => {
        const inviter = creator.actorUserId ? await users.findById(creator.actorUserId, tx) : undefined
        const { locale = inviter?.locale, ...names } = account
        const emailVerifiedAt = creator.via === 'admin:create' ? now() : null
        const user = await users.create({ ...names, passwordHash, emailVerifiedAt, ...(locale ? { locale } : {}) }, tx)
        return { user, more: await more(user, inviter, tx) }
      })
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('A user with that username or email already exists')
      throw err
    }
  }

  return {
    /**
     * Creates the account without a password and delivers a set-password link valid `ttlSeconds`,
     * in one transaction: a link that cannot be delivered leaves no account. The link comes back
     * only when the delivery hands it back (the command line); by mail it is null.
     */
    async invite (account: NewStaffAccount, creator: Creator, meta: ClientMeta, ttlSeconds: number): Promise<{ user: UserRow, link: SetPasswordLink | null }> {
      const { token, tokenHash } = newSetPasswordToken()
      const expiresAt = new Date(now().getTime() + ttlSeconds * 1000)
      const { user, more: link } = await insert(account, null, creator, async (user, inviter, tx) => {
        await tokens.create({ userId: user.id, tokenHash, expiresAt, createdBy: creator.actorUserId }, tx)
        await events.record({ type: 'USER_INVITED', userId: user.id, actorUserId: creator.actorUserId, reason: `${account.role} via ${creator.via}` }, meta, tx)
        return deliver({ tx, user, inviter, ttlSeconds, link: { url: setPasswordUrl(publicUrl, token), expiresAt } })
      })
      return { user, link }
    },

    /** Creates the account with a password its creator typed (the first admin, on the command line). */
    async createWithPassword (account: NewStaffAccount, password: string, creator: Creator, meta: ClientMeta): Promise<UserRow> {
      passwords.assertAcceptable(password, 'password', userInputs(account))
      const passwordHash = await passwords.hash(password)
      // The operator at the console vouches for the address (insert): no mail could prove it before the first admin exists.
      const { user } = await insert(account, passwordHash, creator, async (user, _inviter, tx) => {
        await events.record({ type: 'USER_CREATED', userId: user.id, actorUserId: creator.actorUserId, reason: `${account.role} via ${creator.via}` }, meta, tx)
      })
      return user
    },

    /**
     * Sets the password of a link's account and uses the link up. A weak password leaves the link
     * usable; the link is used in the same transaction that stores the password, so of concurrent
     * requests with one link exactly one succeeds. Signs nothing in. 400 SET_PASSWORD_TOKEN_INVALID
     * for an unknown, expired or used link. Using the link proves the address it was mailed to.
     */
    async setPassword (token: string, password: string, meta: ClientMeta): Promise<UserRow> {
      const tokenHash = hashSetPasswordToken(token)
      const owner = await tokens.findUser(tokenHash, now())
      if (!owner) throw setPasswordTokenInvalid()
      passwords.assertAcceptable(password, 'body.password', userInputs(owner))
      const passwordHash = await passwords.hash(password)
      const user = await db.transaction(async (tx) => {
        const userId = await tokens.consume(tokenHash, now(), tx)
        if (!userId) return undefined
        await events.record({ type: 'PASSWORD_SET', userId }, meta, tx)
        await users.markEmailVerified(tx, userId, owner.email, now())
        await deps.emailTokens.voidAll(tx, userId, 'PASSWORD_RESET')
        const updated = await users.update(userId, { passwordHash }, tx)
        await deps.notifications?.notify(tx, updated!, 'PASSWORD_CHANGED', originOf(meta))
        return updated
      })
      if (!user) throw setPasswordTokenInvalid()
      return user
    },

    /** Active (unblocked) ADMIN accounts: admin:create refuses a second one unless forced. */
    activeAdmins: () => users.countActiveAdmins(),
  }
}

export type StaffAccounts = ReturnType<typeof createStaffAccounts>
