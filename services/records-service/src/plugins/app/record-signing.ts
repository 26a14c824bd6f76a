import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createAmendmentRequests, type AmendmentRequests } from '../../services/amendment-requests.js'
import { createRecordSigning, type RecordSigning } from '../../services/record-signing.js'

declare module 'fastify' {
  interface FastifyInstance {
    recordSigning: RecordSigning
    amendmentRequests: AmendmentRequests
  }
}

/** Signing, amendments and patients' amendment requests (services/record-signing.ts, services/amendment-requests.ts). */
export default fp(async function recordSigningPlugin (fastify: FastifyInstance) {
  const signing = createRecordSigning(fastify)
  fastify.decorate('recordSigning', signing)
  fastify.decorate('amendmentRequests', createAmendmentRequests(fastify, signing))
}, {
  name: 'record-signing',
  dependencies: ['clock', 'record-signing-keys', 'record-changes', 'amendment-requests-repository', 'records-repository', 'doctors-repository', 'access-log-repository'],
})
