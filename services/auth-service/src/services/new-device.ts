import { deviceOf, type Device } from '../lib/device.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { SessionsRepository } from '../plugins/app/sessions-repository.js'

export interface NewDeviceDeps {
  sessions: SessionsRepository
  /** How long a device stays known after its last sign-in, in days (NEW_DEVICE_WINDOW_DAYS). */
  windowDays: number
  now: () => number
}

/**
 * Is a sign-in from a new device? A device is the browser family and operating system of the
 * User-Agent (lib/device: a browser update is no new device); it is new when none of the user's
 * sessions opened within the window came from it. A user's first session ever (registration, a
 * staff account's first sign-in) has nothing to compare with and is not reported.
 *
 * Cheap on the sign-in path: an indexed lookup of the exact User-Agent answers almost every
 * sign-in; only a User-Agent not seen in the window reads the user's distinct User-Agents.
 * It runs before the new session is stored, in the sign-in's transaction.
 */
export function createNewDevice ({ sessions, windowDays, now }: NewDeviceDeps) {
  return {
    /** The device when it is new to the user, undefined when known (or the user's first session). */
    async check (userId: string, userAgent: string | null, tx: AuthDb): Promise<Device | undefined> {
      const since = new Date(now() - windowDays * 86_400_000)
      if (await sessions.openedFromAgent(userId, userAgent, since, tx)) return undefined
      const agents = await sessions.agentsOf(userId, since, tx)
      if (agents.length === 0) return undefined
      const device = deviceOf(userAgent)
      const known = agents.some((agent) => agent.recent && deviceOf(agent.userAgent).key === device.key)
      return known ? undefined : device
    },
  }
}

export type NewDevice = ReturnType<typeof createNewDevice>
