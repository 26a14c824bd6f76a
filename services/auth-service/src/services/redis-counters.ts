import { serviceUnavailable } from '@rekam/errors'
import type { Redis } from 'ioredis'
import type { WindowCount } from '../plugins/app/rate-limits-repository.js'

/**
 * One more event in a fixed window, atomically: the first hit of a window starts its expiry, so
 * every instance counting on the same Redis sees one count and one reset time. A key that lost
 * its expiry (it cannot, but a manual SET could) gets one again instead of counting forever.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`

/** A failing Redis is an outage of this service, not a client's mistake: 503, never 500. */
async function guarded<T> (operation: () => Promise<T>): Promise<T> {
  try {
    return await operation()
  } catch (err) {
    throw Object.assign(serviceUnavailable('The rate-limit store is not reachable'), { cause: err })
  }
}

/**
 * The rate-limit counters of `rate-limits-repository`, kept in Redis instead of PostgreSQL
 * (`REDIS_URL`): the same fixed windows, with Redis expiring them, so no purge is needed.
 */
export function createRedisCounters (redis: Redis, prefix: string) {
  const at = (key: string) => `${prefix}${key}`
  const toCount = (count: number, ttlMs: number): WindowCount => ({ count, resetAt: new Date(Date.now() + Math.max(0, ttlMs)) })

  return {
    hit (key: string, windowSeconds: number): Promise<WindowCount> {
      return guarded(async () => {
        const [count, ttl] = await redis.eval(HIT_SCRIPT, 1, at(key), String(windowSeconds * 1000)) as [number, number]
        return toCount(count, ttl)
      })
    },

    peek (key: string, _windowSeconds: number): Promise<WindowCount | undefined> {
      return guarded(async () => {
        const [[, count], [, ttl]] = await redis.multi().get(at(key)).pttl(at(key)).exec() as [[null, string | null], [null, number]]
        return count === null || ttl < 0 ? undefined : toCount(Number(count), ttl)
      })
    },

    clear (key: string): Promise<void> {
      return guarded(async () => { await redis.del(at(key)) })
    },

    /** Redis expires ended windows itself. */
    async purge (): Promise<void> {},
  }
}
