import { createService, healthRoutes, metricsRoutes, noStore, type AppOptions } from '@rekam/server-kit'
import { checkConfig, ConfigSchema } from './config.js'
import accessLogRepository from './plugins/app/access-log-repository.js'
import amendmentRequestsRepository from './plugins/app/amendment-requests-repository.js'
import auditSealer from './plugins/app/audit-sealer.js'
import careRepository from './plugins/app/care-repository.js'
import careTeam from './plugins/app/care-team.js'
import clock from './plugins/app/clock.js'
import db from './plugins/app/db.js'
import demoMode from './plugins/app/demo-mode.js'
import doctorsRepository from './plugins/app/doctors-repository.js'
import housekeeping from './plugins/app/housekeeping.js'
import patientData from './plugins/app/patient-data.js'
import patientIntake from './plugins/app/patient-intake.js'
import patientsRepository from './plugins/app/patients-repository.js'
import recordAccess from './plugins/app/record-access.js'
import recordChanges from './plugins/app/record-changes.js'
import recordSigning from './plugins/app/record-signing.js'
import recordSigningKeys from './plugins/app/record-signing-keys.js'
import recordVersionsRepository from './plugins/app/record-versions-repository.js'
import recordsRepository from './plugins/app/records-repository.js'
import refusalAudit from './plugins/app/refusal-audit.js'
import tokenVerification from './plugins/app/token-verification.js'
import rateLimit from './plugins/external/rate-limit.js'
import auditRoutes from './routes/audit/index.js'
import doctorsRoutes from './routes/doctors/index.js'
import patientAccessLogRoutes from './routes/patients/access-log.js'
import careTeamRoutes from './routes/patients/care-team.js'
import patientsRoutes from './routes/patients/index.js'
import amendmentRequestRoutes from './routes/records/amendment-requests.js'
import recordHistoryRoutes from './routes/records/history.js'
import recordsRoutes from './routes/records/index.js'
import recordJwksRoutes from './routes/records/jwks.js'
import signingRoutes from './routes/records/signing.js'

export interface RecordsAppOptions extends AppOptions {
  /** What "now" is for the date rules (tests fix it); the system clock by default. */
  now?: (() => Date) | undefined
  /** The token verifier's clock in ms (its key cache and token memory; tests move it instead of sleeping). */
  verifierNow?: (() => number) | undefined
}

export async function buildApp ({ now, verifierNow, ...options }: RecordsAppOptions = {}) {
  const app = await createService({
    ...options,
    configSchema: ConfigSchema,
    checkConfig,
    docs: {
      title: 'rekam records-service',
      version: '0.1.0',
      description: 'Patients, doctors and medical records. Errors use the envelope { success: false, error: { code, message, details?, requestId } }.',
      routePrefix: '/api/records/docs',
    },
  })

  await app.register(rateLimit)

  // Our plugins.
  await app.register(clock, { now })
  await app.register(db)
  await app.register(tokenVerification, { now: verifierNow })
  await app.register(patientsRepository)
  await app.register(doctorsRepository)
  await app.register(recordsRepository)
  await app.register(recordVersionsRepository)
  await app.register(accessLogRepository)
  await app.register(auditSealer)
  await app.register(careRepository)
  await app.register(amendmentRequestsRepository)
  await app.register(recordAccess)
  await app.register(recordChanges)
  await app.register(patientData)
  await app.register(recordSigningKeys)
  await app.register(recordSigning)
  await app.register(patientIntake)
  await app.register(careTeam)
  // Before the routes: a route takes the hooks registered before it.
  await app.register(refusalAudit)
  await app.register(demoMode)
  await app.register(housekeeping)

  // Routes: one scope where every route needs an access token, then the public ones.
  await app.register(async function authenticatedRoutes (api) {
    // Tokens and medical data are never kept by caches, even on errors.
    api.addHook('onRequest', noStore)
    api.addHook('onRequest', api.authenticate)
    await api.register(recordsRoutes, { prefix: '/api/records' })
    await api.register(recordHistoryRoutes, { prefix: '/api/records' })
    await api.register(signingRoutes, { prefix: '/api/records' })
    await api.register(amendmentRequestRoutes, { prefix: '/api/records' })
    await api.register(patientsRoutes, { prefix: '/api/patients' })
    await api.register(careTeamRoutes, { prefix: '/api/patients' })
    await api.register(patientAccessLogRoutes, { prefix: '/api/patients' })
    await api.register(auditRoutes, { prefix: '/api/audit' })
    await api.register(doctorsRoutes, { prefix: '/api/doctors' })
  })
  await app.register(recordJwksRoutes, { prefix: '/api/records' })
  await app.register(healthRoutes, {
    ready: () => app.database.ping(),
    // Fail-open strict mode keeps serving when the feed is down; readiness says so.
    details: () => ({ revocations: app.revocationStatus() ?? 'strict mode off' }),
  })
  if (app.config.INTERNAL_SECRET) await app.register(metricsRoutes, { prefix: '/internal', secret: app.config.INTERNAL_SECRET })

  return app
}

export type RecordsApp = Awaited<ReturnType<typeof buildApp>>
