import { Type } from '@sinclair/typebox'
import { errorResponses, serviceUnavailable } from '@rekam/errors'
import type { FastifyInstance } from 'fastify'

export interface HealthOptions {
  /** Resolves when the service's dependencies answer; rejects otherwise. */
  ready: () => Promise<void>
  /** How long readiness may take before it counts as down. */
  timeoutMs?: number
  /** Extra facts shown on a successful readiness answer (for example a degraded dependency). */
  details?: () => Record<string, unknown>
}

const HealthSchema = Type.Object({
  success: Type.Literal(true),
  data: Type.Object({ status: Type.String(), details: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }),
})

function withTimeout (promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<void>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('readiness check timed out')), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** `/health/live` answers while the process runs; `/health/ready` also checks dependencies. */
export async function healthRoutes (fastify: FastifyInstance, opts: HealthOptions) {
  fastify.get('/health/live', {
    schema: { tags: ['health'], summary: 'The process is up', response: { 200: HealthSchema } },
  }, async () => ({ success: true as const, data: { status: 'live' } }))

  fastify.get('/health/ready', {
    schema: {
      tags: ['health'],
      summary: 'The service and its database can serve requests',
      response: { 200: HealthSchema, ...errorResponses(503) },
    },
  }, async (request) => {
    try {
      await withTimeout(opts.ready(), opts.timeoutMs ?? 2000)
    } catch (err) {
      request.log.warn({ err }, 'readiness check failed')
      throw serviceUnavailable('The database is not reachable')
    }
    return { success: true as const, data: { status: 'ready', ...(opts.details ? { details: opts.details() } : {}) } }
  })
}
