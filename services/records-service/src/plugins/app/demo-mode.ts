import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { seedDemoData } from '../../services/demo-data.js'

/** In demo mode the demo profiles and records exist as soon as the service is ready. */
export default fp(async function demoModePlugin (fastify: FastifyInstance) {
  if (!fastify.config.DEMO_MODE) return
  fastify.addHook('onReady', async () => {
    const created = await seedDemoData(fastify)
    fastify.log.warn({ records: created }, 'DEMO MODE: demo profiles and records are available; never use demo mode with real data')
  })
}, { name: 'demo-mode', dependencies: ['records-repository', 'record-versions-repository', 'patients-repository', 'doctors-repository', 'patient-data'] })
