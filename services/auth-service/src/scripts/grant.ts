import { grantServiceRole } from '@rekam/db'
import { loadConfig, startOrExit } from '@rekam/server-kit/startup'
import { ConfigSchema } from '../config.js'
import { auditTables } from '../db/audit-trails.js'
import { openAuthDatabase } from '../plugins/app/db.js'

/**
 * `db:grant <role>`: run as the owner role (DATABASE_URL) after the migrations, gives the
 * service's role all DML on the ordinary tables and only SELECT and INSERT on the audit tables
 * (README "Production database roles"). Idempotent; run it again after every migration.
 */
await startOrExit('auth-service', async () => {
  const role = process.argv[2]
  if (!role) throw new Error('usage: db:grant <role of the service>')
  const config = loadConfig(ConfigSchema, process.env)
  const database = openAuthDatabase(config)
  try {
    await grantServiceRole(database, role, auditTables)
    console.log(`auth-service: ${role} may use the tables, and only read and insert into ${auditTables.join(', ')}`)
  } finally {
    await database.close()
  }
})
