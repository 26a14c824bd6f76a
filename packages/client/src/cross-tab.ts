import type { SignedOutReason, User } from './types.js'

/** What one tab tells the others about the session they share (the refresh cookie). */
export type TabMessage =
  | { type: 'token', accessToken: string, expiresAt: number }
  | { type: 'signed-in', user: User, accessToken: string, expiresAt: number }
  | { type: 'signed-out', reason: SignedOutReason }

/** The part of the Web Locks API used here (`navigator.locks`). */
export interface LockManagerLike {
  request<T> (name: string, callback: () => Promise<T>): Promise<T>
}

/** The part of BroadcastChannel used here. */
export interface ChannelLike {
  postMessage (message: unknown): void
  onmessage: ((event: { data: unknown }) => void) | null
  close (): void
}

export interface CrossTab {
  /** Runs `fn` while no other tab runs its own (the Web Lock `rekam-refresh`). */
  exclusive<T> (fn: () => Promise<T>): Promise<T>
  post (message: TabMessage): void
  close (): void
}

export const LOCK_NAME = 'rekam-refresh'
export const CHANNEL_NAME = 'rekam-session'

/** The browser's Web Locks and BroadcastChannel, when both exist (never on Node 20). */
export function browserTabs (): { locks: LockManagerLike, channel: () => ChannelLike } | undefined {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks
  const Channel = (globalThis as unknown as { BroadcastChannel?: new (name: string) => ChannelLike }).BroadcastChannel
  if (!locks || typeof locks.request !== 'function' || typeof Channel !== 'function') return undefined
  return { locks, channel: () => new Channel(CHANNEL_NAME) }
}

/** Joins the other tabs: `receive` gets their messages. */
export function joinTabs (tabs: { locks: LockManagerLike, channel: () => ChannelLike }, receive: (message: TabMessage) => void): CrossTab {
  const channel = tabs.channel()
  channel.onmessage = (event) => {
    const message = event.data as TabMessage | undefined
    if (message && typeof message === 'object' && typeof message.type === 'string') receive(message)
  }
  return {
    exclusive: (fn) => tabs.locks.request(LOCK_NAME, fn),
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  }
}
