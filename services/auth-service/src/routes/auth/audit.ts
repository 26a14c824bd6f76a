import { errorResponses } from '@rekam/errors'
import { AuditVerifySchema, ok, security, success, toAuditVerify } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

/** The security events' integrity, for admins (docs/audit-trail.md). */
const auditRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { auditSealer } = fastify

  fastify.get('/audit/verify', {
    preHandler: fastify.authorize('ADMIN'),
    schema: {
      tags: ['security'],
      security,
      summary: 'Verify the security events (security_events): seals the pending rows, then checks every seal, its chain and MAC, and every sealed row; intact, or the first mismatch',
      response: { 200: success(AuditVerifySchema), ...errorResponses(401, 403) },
    },
  }, async () => ok(toAuditVerify(await auditSealer.verify())))
}

export default auditRoutes
