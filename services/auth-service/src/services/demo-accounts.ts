import { DEMO_ACCOUNTS } from '@rekam/demo-data'
import type { FastifyInstance } from 'fastify'

/** Creates the demo accounts that do not exist yet; returns how many were created. */
export async function seedDemoAccounts (fastify: FastifyInstance): Promise<number> {
  if (fastify.config.NODE_ENV === 'production') throw new Error('Demo accounts are never created in production')
  let created = 0
  for (const account of DEMO_ACCOUNTS) {
    if (await fastify.usersRepository.exists(account.id)) continue
    if (await fastify.usersRepository.findByLogin({ email: account.email }) ?? await fastify.usersRepository.findByLogin({ username: account.username })) {
      fastify.log.warn({ email: account.email }, 'demo account skipped: its username or email belongs to another user')
      continue
    }
    const passwordHash = await fastify.passwords.hash(account.password)
    await fastify.db.transaction(async (tx) => {
      await fastify.usersRepository.create({ id: account.id, username: account.username, email: account.email, fullName: account.fullName, role: account.role, passwordHash, emailVerifiedAt: new Date() }, tx)
      if (account.totpSecret) await fastify.mfa.enrollment.addKnownTotp(account.id, 'Demo authenticator', account.totpSecret, tx)
    })
    created++
  }
  return created
}
