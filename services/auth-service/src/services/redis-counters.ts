import { serviceUnavailable } from '@rekam/errors'
import type { Redis } from 'ioredis'
import type { CounterLimit, Reservation, WindowCount } from './counters.js'
import type { Counters } from './postgres-counters.js'

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

/**
 * `reserve` as one script (Redis runs it without interleaving another): KEYS are the counters,
 * ARGV[1] the window in ms and ARGV[1 + i] the limit of KEYS[i]. When every counter is below
 * its limit all count one more, otherwise only the refusing ones; a counter counts with the same
 * expiry rules as HIT_SCRIPT. Returns allowed (1 or 0), then each key's count and ttl.
 */
const RESERVE_SCRIPT = `
local window = tonumber(ARGV[1])
local refusing = {}
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i + 1]) then refusing[key] = true end
end
local allowed = next(refusing) == nil
local out = { allowed and 1 or 0 }
for _, key in ipairs(KEYS) do
  if allowed or refusing[key] then
    local count = redis.call('INCR', key)
    if count == 1 or redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, window) end
  end
  table.insert(out, tonumber(redis.call('GET', key) or '0'))
  table.insert(out, math.max(redis.call('PTTL', key), 0))
end
return out
`

/** One count back, never below zero. */
const RELEASE_SCRIPT = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 0
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
 * The twin of `postgres-counters.ts`, kept in Redis instead of PostgreSQL (`REDIS_URL`): the
 * same fixed windows, with Redis expiring them, so no purge is needed.
 */
export function createRedisCounters (redis: Redis, prefix: string): Counters {
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

    /** See the PostgreSQL twin's `reserve`: the same decision, made by RESERVE_SCRIPT. */
    reserve (limits: CounterLimit[], windowSeconds: number): Promise<Reservation> {
      return guarded(async () => {
        const unique = [...new Map(limits.map((limit) => [limit.key, limit])).values()]
        const args = [String(windowSeconds * 1000), ...unique.map((limit) => String(limit.max))]
        const [allowed, ...counts] = await redis.eval(RESERVE_SCRIPT, unique.length, ...unique.map((limit) => at(limit.key)), ...args) as number[]
        const windows = new Map(unique.map((limit, i) => [limit.key, toCount(counts[2 * i]!, counts[2 * i + 1]!)]))
        return { allowed: allowed === 1, windows: limits.map((limit) => windows.get(limit.key)!) }
      })
    },

    release (key: string, _windowSeconds: number): Promise<void> {
      return guarded(async () => { await redis.eval(RELEASE_SCRIPT, 1, at(key)) })
    },

    clear (key: string): Promise<void> {
      return guarded(async () => { await redis.del(at(key)) })
    },

    /** Redis expires ended windows itself. */
    async purge (): Promise<void> {},
  }
}
