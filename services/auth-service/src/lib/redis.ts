import { Redis } from 'ioredis'

/**
 * Connects to Redis for the counters. Commands fail at once while it is unreachable (no offline
 * queue, one retry), so a Redis outage answers 503 quickly instead of holding requests; the client
 * reconnects by itself.
 */
export async function connectRedis (url: string): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    commandTimeout: 2000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  })
  // Errors reach the commands that meet them; the client's own reports would repeat each one.
  redis.on('error', () => {})
  try {
    await redis.connect()
  } catch (err) {
    redis.disconnect()
    throw new Error(`Redis at REDIS_URL is not reachable: ${(err as Error).message}`, { cause: err })
  }
  return redis
}
