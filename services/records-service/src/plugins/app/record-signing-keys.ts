import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { loadRecordSigningKeys, type RecordSigningKeys } from '../../services/record-signing-keys.js'
import { patientDataSecret } from './patient-data.js'

declare module 'fastify' {
  interface FastifyInstance {
    recordSigningKeys: RecordSigningKeys
  }
}

/**
 * The key records are signed with, loaded once at start (never per request): the key file's
 * (RECORD_SIGNING_KEY_FILE), or the one kept sealed in the database, made on the first start.
 * @see services/record-signing-keys.ts
 */
export default fp(async function recordSigningKeysPlugin (fastify: FastifyInstance) {
  const { config } = fastify
  const keys = await loadRecordSigningKeys(fastify.db, { secret: patientDataSecret(config), keyFile: config.RECORD_SIGNING_KEY_FILE })
  fastify.log.info({ kid: keys.kid, source: keys.source }, 'record signing key loaded')
  fastify.decorate('recordSigningKeys', keys)
}, { name: 'record-signing-keys', dependencies: ['db'] })
