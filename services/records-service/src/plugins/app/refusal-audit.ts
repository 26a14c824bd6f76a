import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AccessAction } from './access-log-repository.js'
import { actorOf } from '../../services/actor.js'
import type { Refusal, RefusalTarget } from '../../services/refusal.js'

/** Where a route's target id is found: a path parameter (`params.id`) by default. */
export interface RouteAudit {
  target: RefusalTarget['target']
  from?: 'params.id' | 'body.patientId' | 'query.patientId'
  /** What the row says was attempted, when the method does not say it (a POST that signs: SIGN). */
  action?: AccessAction
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The patient or record the route names: a 403 answered on it writes a DENIED row. */
    audit?: RouteAudit
  }
}

const ACTIONS: Record<string, AccessAction> = { GET: 'READ', HEAD: 'READ', POST: 'CREATE', PUT: 'UPDATE', PATCH: 'UPDATE', DELETE: 'DELETE' }

function targetId (request: FastifyRequest, from: NonNullable<RouteAudit['from']>): string | undefined {
  const [part, key] = from.split('.') as ['params' | 'body' | 'query', string]
  const value = (request[part] as Record<string, unknown> | undefined)?.[key]
  return typeof value === 'string' ? value : undefined
}

/**
 * Every 403 on a route that names a patient or a record writes a DENIED row in that target's
 * access log (folded per minute, see accessLogRepository.recordDenied): who, what, why, which
 * request. One hook for every route: routes declare their target (`config.audit`) and throw
 * `refused(reason, …)`; the role guard's 403 is reason ROLE. An onError hook runs before the
 * error is answered, so the row is written when the client reads the 403. The action follows the
 * method (GET READ, POST CREATE, PUT/PATCH UPDATE, DELETE DELETE); the purpose is the one the
 * actor's role would have had. A failed write is logged and the 403 still answered.
 */
export default fp(async function refusalAuditPlugin (fastify: FastifyInstance) {
  const { accessLogRepository, clock } = fastify
  fastify.addHook('onError', async (request, _reply, error: Error & { statusCode?: number } & Partial<Refusal>) => {
    const audit = request.routeOptions.config.audit
    if (error.statusCode !== 403 || !audit || !request.user) return
    const target = error.refusalTarget ?? { target: audit.target, id: targetId(request, audit.from ?? 'params.id') }
    if (!target.id) return
    try {
      await accessLogRepository.recordDenied({
        target: target.target,
        targetId: target.id,
        action: audit.action ?? ACTIONS[request.method] ?? 'READ',
        reason: error.refusalReason ?? 'ROLE',
        actor: actorOf(request.user, request.id),
        at: clock.now(),
      })
    } catch (err) {
      request.log.error({ err }, 'the refusal could not be written to the access log')
    }
  })
}, { name: 'refusal-audit', dependencies: ['clock', 'access-log-repository'] })
