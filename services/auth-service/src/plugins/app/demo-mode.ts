import { DEMO_ACCOUNTS } from '@rekam/demo-data'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { seedDemoAccounts } from '../../services/demo-accounts.js'

/** In demo mode the demo accounts exist as soon as the service is ready. */
export default fp(async function demoModePlugin (fastify: FastifyInstance) {
  if (!fastify.config.DEMO_MODE) return
  fastify.addHook('onReady', async () => {
    const created = await seedDemoAccounts(fastify)
    fastify.log.warn({
      created,
      accounts: DEMO_ACCOUNTS.map((a) => `${a.email} (${a.role})`),
    }, 'DEMO MODE: demo accounts are available; never use demo mode with real data')
  })
}, { name: 'demo-mode', dependencies: ['users-repository', 'passwords', 'mfa'] })
