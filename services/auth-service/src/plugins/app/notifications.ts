import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { NotificationRow, NotificationType, UserRow } from '../../db/schema.js'
import type { NotificationDetails } from '../../schemas/notification.js'
import type { AuthDb } from './db.js'

/** Who is told: the account as it is when the change happens. */
export type NotifiedUser = Pick<UserRow, 'id' | 'email' | 'locale' | 'fullName' | 'username'>

export interface Notifications {
  /**
   * Tells the user about a change to their account, in the caller's transaction: a notification
   * they see in the portal, and the `notice` mail when mail is available (to `to`, the account's
   * address unless given: an email change notifies the old address).
   */
  notify (tx: AuthDb, user: NotifiedUser, type: NotificationType, details: NotificationDetails, to?: string): Promise<NotificationRow>
}

declare module 'fastify' {
  interface FastifyInstance {
    notifications: Notifications
  }
}

export interface NotificationsOptions {
  /** The clock in epoch ms; the system clock unless a test moves time instead of waiting. */
  now?: (() => number) | undefined
}

export default fp<NotificationsOptions>(async function notificationsPlugin (fastify: FastifyInstance, opts) {
  const { mail, notificationsRepository, config } = fastify
  const now = opts.now ?? Date.now
  const accountUrl = `${config.PUBLIC_URL.replace(/\/+$/, '')}/account`
  fastify.decorate<Notifications>('notifications', {
    async notify (tx, user, type, details, to) {
      const row = await notificationsRepository.create(tx, { userId: user.id, type, details, createdAt: new Date(now()) })
      await mail.enqueue(tx, {
        to: to ?? user.email,
        userId: user.id,
        locale: user.locale,
        template: 'notice',
        params: { name: user.fullName ?? user.username, type, details, accountUrl },
      })
      return row
    },
  })
}, { name: 'notifications', dependencies: ['mail', 'notifications-repository'] })
