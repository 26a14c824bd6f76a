import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Teardown } from '@rekam/testing'

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/**
 * A connected Redis client and a key prefix of this test file's own: every key written under
 * the prefix is removed, and the client closed, when the test ends.
 */
export async function testRedis (t: Teardown): Promise<{ redis: Redis, prefix: string }> {
  const prefix = `rekam-test:${randomBytes(6).toString('hex')}:`
  const redis = new Redis(REDIS_URL, { lazyConnect: true })
  await redis.connect()
  t.teardown(async () => {
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length > 0) await redis.del(...keys)
    await redis.quit()
  })
  return { redis, prefix }
}
