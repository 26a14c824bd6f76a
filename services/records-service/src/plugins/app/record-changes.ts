import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createRecordChanges, type RecordChanges } from '../../services/record-changes.js'

declare module 'fastify' {
  interface FastifyInstance {
    recordChanges: RecordChanges
  }
}

export default fp(async function recordChangesPlugin (fastify: FastifyInstance) {
  fastify.decorate('recordChanges', createRecordChanges(fastify))
}, { name: 'record-changes', dependencies: ['db', 'clock', 'records-repository', 'record-versions-repository', 'doctors-repository', 'access-log-repository'] })
