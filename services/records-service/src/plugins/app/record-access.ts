import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createRecordAccess, type RecordAccess } from '../../services/record-access.js'

declare module 'fastify' {
  interface FastifyInstance {
    recordAccess: RecordAccess
  }
}

export default fp(async function recordAccessPlugin (fastify: FastifyInstance) {
  fastify.decorate('recordAccess', createRecordAccess(fastify))
}, { name: 'record-access', dependencies: ['clock', 'records-repository', 'record-versions-repository', 'patients-repository', 'doctors-repository', 'access-log-repository', 'care-repository', 'amendment-requests-repository'] })
