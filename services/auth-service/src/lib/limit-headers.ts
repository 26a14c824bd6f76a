import type { FastifyReply } from 'fastify'
import type { WindowCount } from '../plugins/app/rate-limits-repository.js'

/**
 * The headers @fastify/rate-limit sends, for a route that counts its requests itself: the
 * limit, what is left of it, and the seconds until the window ends (returned, for Retry-After).
 */
export function limitHeaders (reply: FastifyReply, max: number, window: WindowCount): number {
  const secondsLeft = Math.max(0, Math.ceil((window.resetAt.getTime() - Date.now()) / 1000))
  reply.header('x-ratelimit-limit', max)
  reply.header('x-ratelimit-remaining', Math.max(0, max - window.count))
  reply.header('x-ratelimit-reset', secondsLeft)
  return secondsLeft
}
