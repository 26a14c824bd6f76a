import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { asc, inArray } from 'drizzle-orm'
import type { Teardown } from '@rekam/testing'
import { patientAccessLog } from '../../src/db/schema.js'
import { buildStaticStack, doctorWithProfile, signUp, type Person } from '../helper.js'

/**
 * records-service for an intake test file, with every log line of the service kept (to prove no
 * NIK or BPJS number is ever written to one), a doctor, an admin and a patient, and the calls.
 */
export async function intakeFixture (t: Teardown) {
  const logLines: string[] = []
  const stack = await buildStaticStack(t, { recordsLogStream: { write: (line) => { logLines.push(line) } } })
  const app = stack.records
  const { db } = app

  const doctor = await doctorWithProfile(stack, 'dr. Intake')
  const admin = await signUp(stack.auth, 'ADMIN')
  const patient = await signUp(stack.auth, 'PATIENT')

  const post = (who: Pick<Person, 'headers'>, url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object })
  const register = (who: Pick<Person, 'headers'>, payload: Record<string, unknown>) => post(who, '/api/patients', payload)
  const search = (who: Pick<Person, 'headers'>, payload: Record<string, unknown>) => post(who, '/api/patients/intake-search', payload)

  /** The profile log of these patients, oldest first, without the generated id and time. */
  async function trailOf (patientIds: string[]) {
    const rows = await db.select().from(patientAccessLog).where(inArray(patientAccessLog.patientId, patientIds))
      .orderBy(asc(patientAccessLog.at), asc(patientAccessLog.patientId))
    return rows.map(({ id, at, ...rest }) => rest)
  }

  return { logLines, stack, app, db, doctor, admin, patient, register, search, trailOf }
}

export const requestIdOf = (res: { headers: Record<string, unknown> }) => String(res.headers['x-request-id'])

export const logRow = (patientId: string, who: Person, role: string, action: string, purpose: string, requestId: string) => ({
  patientId, actorUserId: who.userId, actorRole: role, action, requestId, purpose, outcome: 'ALLOWED', reason: null, deniedWindow: null,
})

/** Every NIK (16 digits) and BPJS number (13) quoted in the test file at `moduleUrl`: the numbers it sends. */
export async function sentIdNumbers (moduleUrl: string): Promise<string[]> {
  const source = await readFile(fileURLToPath(moduleUrl), 'utf8')
  return [...new Set(source.match(/['"](?:\d{13}|\d{16})['"]/g)!.map((quoted) => quoted.slice(1, -1)))]
}
