import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createCareTeam, type CareTeam } from '../../services/care-team.js'

declare module 'fastify' {
  interface FastifyInstance {
    careTeam: CareTeam
  }
}

export default fp(async function careTeamPlugin (fastify: FastifyInstance) {
  fastify.decorate('careTeam', createCareTeam(fastify))
}, { name: 'care-team', dependencies: ['clock', 'care-repository', 'patients-repository', 'doctors-repository'] })
