import type { SignedOutReason, User } from './types.js'

/** What one tab tells the others about the session they share (the refresh cookie). */
export type TabMessage =
  | { type: 'token', accessToken: string, expiresAt: number }
  | { type: 'signed-in', user: User, accessToken: string, expiresAt: number }
  | { type: 'signed-out', reason: SignedOutReason }
  /** A refresh under the lock failed without ending the session (offline, 429, 503). */
  | { type: 'refresh-failed' }

/** The part of the Web Locks API used here (`navigator.locks`). */
export interface LockManagerLike {
  request<T> (name: string, callback: (lock: unknown) => Promise<T>): Promise<T>
  request<T> (name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T>): Promise<T>
}

/** The part of BroadcastChannel used here. */
export interface ChannelLike {
  postMessage (message: unknown): void
  onmessage: ((event: MessageEvent) => void) | null
  close (): void
}

export interface Tabs {
  locks: LockManagerLike
  channel: () => ChannelLike
}

export interface CrossTab {
  /**
   * Runs `refresh` under the Web Lock, unless another tab held the lock and handed its result
   * over (then resolves `handedOver()`).
   */
  refreshOnce (refresh: () => Promise<boolean>, handedOver: () => boolean): Promise<boolean>
  post (message: TabMessage): void
  close (): void
}

export const LOCK_NAME = 'rekam-refresh'
export const CHANNEL_NAME = 'rekam-session'
/** How long a tab waits for the result of the tab that held the lock (one closed mid-refresh never sends it). */
const HANDOVER_MS = 3000
/**
 * How long a tab keeps the lock after its refresh, whose result it has posted: the lock and the
 * message travel apart, and a tab about to refresh that found the lock free before the message
 * reached it would refresh again (seen on a loaded machine). Holding it sends that tab to wait.
 */
const HOLD_MS = 250

/** The browser's Web Locks and BroadcastChannel, when both exist (never on Node 20). */
export function browserTabs (): Tabs | undefined {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks
  const Channel = (globalThis as unknown as { BroadcastChannel?: new (name: string) => ChannelLike }).BroadcastChannel
  if (!locks || typeof locks.request !== 'function' || typeof Channel !== 'function') return undefined
  return { locks, channel: () => new Channel(CHANNEL_NAME) }
}

/** Joins the other tabs: `receive` gets their messages. */
export function joinTabs (tabs: Tabs, receive: (message: TabMessage) => void): CrossTab {
  const channel = tabs.channel()
  // Results of other tabs' refreshes (and sign-ins and -outs), counted, for a tab waiting on one.
  let results = 0
  let lastType: TabMessage['type'] | undefined
  let waiters: Array<() => void> = []
  channel.onmessage = (event) => {
    const message = event.data as TabMessage | undefined
    if (!message || typeof message !== 'object' || typeof message.type !== 'string') return
    receive(message)
    results++
    lastType = message.type
    for (const wake of waiters.splice(0)) wake()
  }
  const nextResult = () => new Promise<void>((resolve) => {
    const timer = setTimeout(done, HANDOVER_MS)
    function done () {
      clearTimeout(timer)
      waiters = waiters.filter((waiter) => waiter !== done)
      resolve()
    }
    waiters.push(done)
  })

  /** `work` under the lock if it is free, which is then kept HOLD_MS longer than the work. */
  const whileFree = <T>(work: () => Promise<T>) => new Promise<{ value: T } | undefined>((resolve, reject) => {
    tabs.locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
      if (!lock) return resolve(undefined)
      try {
        resolve({ value: await work() })
      } catch (err) {
        return reject(err)
      }
      await new Promise((resolve) => setTimeout(resolve, HOLD_MS))
    }).catch(reject)
  })

  return {
    async refreshOnce (refresh, handedOver) {
      const seen = results
      const handed = () => results !== seen && lastType !== 'refresh-failed'
      // Free: no other tab is refreshing, this one does (unless a result came in meanwhile).
      const alone = await whileFree(async () => handed() ? handedOver() : await refresh())
      if (alone) return alone.value
      // Held: another tab is refreshing. Its result is posted before it lets go of the lock, but
      // may arrive after this tab gets the lock: wait for it there rather than refresh again.
      return tabs.locks.request(LOCK_NAME, async () => {
        if (results === seen) await nextResult()
        return handed() ? handedOver() : refresh()
      })
    },
    post: (message) => channel.postMessage(message),
    close: () => {
      channel.onmessage = null
      channel.close()
    },
  }
}
