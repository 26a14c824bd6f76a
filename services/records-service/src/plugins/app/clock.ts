import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

/** The time the date rules compare with; tests give a fixed one instead of waiting for a date. */
export interface Clock {
  now (): Date
}

export interface ClockOptions {
  now?: (() => Date) | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    clock: Clock
  }
}

export default fp(async function clockPlugin (fastify: FastifyInstance, opts: ClockOptions) {
  fastify.decorate('clock', { now: opts.now ?? (() => new Date()) })
}, { name: 'clock' })
