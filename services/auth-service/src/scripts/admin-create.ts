import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { StartupError } from '@rekam/errors'
import { loadConfig, startOrExit } from '@rekam/server-kit/startup'
import { ConfigSchema } from '../config.js'
import { openAuthDatabase } from '../plugins/app/db.js'
import { createEmailTokensRepository } from '../plugins/app/email-tokens-repository.js'
import { createPasswords } from '../plugins/app/passwords.js'
import { createSecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import { createSetPasswordTokensRepository } from '../plugins/app/set-password-tokens-repository.js'
import { createUsersRepository } from '../plugins/app/users-repository.js'
import { createEmailTokens } from '../services/email-tokens.js'
import { FIRST_ADMIN_LINK_TTL_SECONDS } from '../services/set-password-links.js'
import { createStaffAccounts } from '../services/staff-accounts.js'
import { newStaffAccount, readPassword, refusal } from './admin-create-input.js'

const USAGE = 'usage: admin:create --email <email> --username <name> --name "<full name>" [--password-stdin] [--force]'

/**
 * Creates an ADMIN account from the command line: the way to the first admin of a deployment
 * (registration makes only PATIENTs). Prints a one-time set-password link (24 h) on stdout, or
 * takes the password from stdin; refuses a second active admin without --force. Every refusal
 * is one line on stderr and exit code 1. The password is never printed or logged.
 */
await startOrExit('auth-service admin:create', async () => {
  const args = (() => {
    try {
      return parseArgs({
        options: {
          email: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' }, force: { type: 'boolean' },
        },
      }).values
    } catch (err) {
      throw new StartupError(`${(err as Error).message}; ${USAGE}`)
    }
  })()
  const account = newStaffAccount({ email: args.email, username: args.username, fullName: args.name }, USAGE)
  const password = args['password-stdin'] ? await readPassword(process.stdin) : undefined
  // Only the database settings matter here, as for db:migrate: no signing key is needed. Without
  // DATABASE_URL, the embedded database in DATA_DIR (by default the one `pnpm start` serves).
  const config = loadConfig(ConfigSchema, process.env)
  const database = openAuthDatabase(config)
  const passwords = createPasswords({ cost: config.BCRYPT_COST, threads: 1, maxQueue: 1 })
  try {
    if (config.DB_MIGRATE_ON_START) await database.migrate()
    const { db } = database
    const staff = createStaffAccounts({
      db,
      passwords,
      users: createUsersRepository(db),
      events: createSecurityEventsRepository(db),
      tokens: createSetPasswordTokensRepository(db),
      emailTokens: createEmailTokens(createEmailTokensRepository(db), Date.now),
      publicUrl: config.PUBLIC_URL,
    })
    if (!args.force && await staff.activeAdmins() > 0) {
      throw new StartupError('an active ADMIN already exists; pass --force to create another one')
    }
    const creator = { actorUserId: null, via: 'admin:create' } as const
    const meta = { ip: null, userAgent: 'admin:create', requestId: randomUUID() }
    if (password !== undefined) {
      const user = await staff.createWithPassword(account, password, creator, meta).catch(refusal)
      process.stderr.write(`auth-service: ADMIN ${user.username} created; sign in with the password given\n`)
    } else {
      const { user, link } = await staff.invite(account, creator, meta, FIRST_ADMIN_LINK_TTL_SECONDS).catch(refusal)
      process.stderr.write(`auth-service: ADMIN ${user.username} created; open this link within 24 hours to set its password (it works once):\n`)
      process.stdout.write(`${link!.url}\n`)
    }
  } finally {
    await passwords.close()
    await database.close()
  }
})
