import { DEMO_ACCOUNTS } from '@rekam/demo-data'
import type { FastifyInstance } from 'fastify'

/** Creates the demo accounts that do not exist yet; returns how many were created. */
export async function seedDemoAccounts (fastify: FastifyInstance): Promise<number> {
  if (fastify.config.NODE_ENV === 'production') throw new Error('Demo accounts are never created in production')
  let created = 0
  for (const account of DEMO_ACCOUNTS) {
    if (await fastify.usersRepository.exists(account.id)) continue
    await fastify.usersRepository.create({
      id: account.id,
      username: account.username,
      email: account.email,
      fullName: account.fullName,
      role: account.role,
      passwordHash: await fastify.passwords.hash(account.password),
    })
    created++
  }
  return created
}
