import { tooManyRequests, type AppError } from '@rekam/errors'
import type { FastifyReply } from 'fastify'
import type { WindowCount } from '../services/counters.js'

const secondsUntil = (window: WindowCount) => Math.max(0, Math.ceil((window.resetAt.getTime() - Date.now()) / 1000))

/** The headers @fastify/rate-limit sends: the limit, what is left of it, and the seconds until the window ends. */
function limitHeaderValues (max: number, window: WindowCount): Record<string, string> {
  return {
    'x-ratelimit-limit': String(max),
    'x-ratelimit-remaining': String(Math.max(0, max - window.count)),
    'x-ratelimit-reset': String(secondsUntil(window)),
  }
}

/**
 * The headers @fastify/rate-limit sends, for a route that counts its requests itself: the
 * limit, what is left of it, and the seconds until the window ends (returned, for Retry-After).
 */
export function limitHeaders (reply: FastifyReply, max: number, window: WindowCount): number {
  reply.headers(limitHeaderValues(max, window))
  return secondsUntil(window)
}

/** 429 TOO_MANY_REQUESTS with Retry-After and the limit headers, for code that has no reply at hand. */
export function limitedError (max: number, window: WindowCount, message?: string): AppError {
  const error = tooManyRequests(secondsUntil(window), message)
  error.headers = { ...error.headers, ...limitHeaderValues(max, window) }
  return error
}
