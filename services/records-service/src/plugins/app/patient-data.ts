import { createHmac, hkdfSync } from 'node:crypto'
import { seal, unseal } from '@rekam/server-kit'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.js'

/**
 * Identity numbers at rest: NIK and BPJS numbers are stored sealed (AES-256-GCM) with a keyed
 * hash (HMAC-SHA256) beside them for exact-match lookups and uniqueness, so a dump of the
 * database alone reveals neither. Both keys come from PATIENT_DATA_KEY by HKDF.
 */
export interface PatientData {
  seal (value: string): string
  /** The sealed value, or null when it was sealed under another key (PATIENT_DATA_KEY changed). */
  open (sealed: string | null): string | null
  /** The lookup hash of a value of one kind (kinds never share hashes). */
  hash (kind: 'nik' | 'bpjs' | 'claim', value: string): string
}

/** Outside production a missing PATIENT_DATA_KEY falls back to this development value (with a warning). */
export const DEVELOPMENT_KEY = 'rekam development only: set PATIENT_DATA_KEY in production'

/** The records secret: PATIENT_DATA_KEY, or its development value where it may be unset. */
export const patientDataSecret = (config: Pick<Config, 'PATIENT_DATA_KEY'>) => config.PATIENT_DATA_KEY ?? DEVELOPMENT_KEY

export function createPatientData (secret: string): PatientData {
  const sealKey = Buffer.from(hkdfSync('sha256', secret, 'rekam', 'patient-data-seal', 32))
  const lookupKey = Buffer.from(hkdfSync('sha256', secret, 'rekam', 'patient-data-lookup', 32))
  return {
    seal: (value) => seal(sealKey, value),
    open: (sealed) => sealed === null ? null : unseal<string>(sealKey, sealed) ?? null,
    hash: (kind, value) => createHmac('sha256', lookupKey).update(`${kind}:${value}`).digest('base64url'),
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    patientData: PatientData
  }
}

export default fp(async function patientDataPlugin (fastify: FastifyInstance) {
  const { config } = fastify
  if (!config.PATIENT_DATA_KEY && config.NODE_ENV !== 'test') {
    fastify.log.warn('PATIENT_DATA_KEY is not set: NIK and BPJS numbers are encrypted with a development key (set it before real patients are registered)')
  }
  fastify.decorate('patientData', createPatientData(patientDataSecret(config)))
}, { name: 'patient-data' })
