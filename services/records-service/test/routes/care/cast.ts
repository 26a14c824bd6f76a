import { and, asc, eq } from 'drizzle-orm'
import type { Test } from 'tap'
import { patientAccessLog, recordAccessLog } from '../../../src/db/schema.js'
import { patientLogRows, recordLogRows } from '../../../src/plugins/app/access-log-repository.js'
import { buildStaticStack, doctorWithProfile, patientWithProfile, signUp, writeRecord, type Person } from '../../helper.js'

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
export type Doctor = Person & { doctorId: string }
export type Patient = Person & { patientId: string }

/** The file's start time on the records-service clock (tokens keep the real one). */
export const START = new Date('2026-11-02T09:00:10.000Z')
const MINUTE_MS = 60_000
export const minutes = (n: number) => n * MINUTE_MS
export const days = (n: number) => n * 24 * 60 * MINUTE_MS

/**
 * One records-service for a care test file, on a clock the test moves (`clock.set`, `clock.during`),
 * with its shared cast: an admin and two doctors with profiles (dr. Owner writes the records the
 * tests read; dr. X is the doctor whose relationship to each patient varies).
 */
export async function careCast (t: Test, options: { logStream?: { write (line: string): void }, env?: Record<string, string> } = {}) {
  let now = START
  const stack = await buildStaticStack(t, {
    recordsNow: () => now,
    ...(options.logStream ? { recordsLogStream: options.logStream } : {}),
    ...(options.env ? { recordsEnv: options.env } : {}),
  })
  const app = stack.records
  const call = (who: Pick<Person, 'headers'> | null, method: Method, url: string, payload?: unknown) =>
    app.inject({ method, url, headers: who?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) })

  const clock = {
    now: () => now,
    set (at: Date) { now = at },
    /** Runs `fn` with the clock at `at`, then puts it back. */
    async during<T> (at: Date, fn: () => Promise<T>): Promise<T> {
      const saved = now
      now = at
      try { return await fn() } finally { now = saved }
    },
  }

  /** The person after a second-factor sign-in `secondsAgo` seconds ago (acr aal2, auth_time), as step-up asks. */
  function steppedUp<P extends Person> (who: P, secondsAgo = 0): P {
    const { sub, role, username, sid } = JSON.parse(Buffer.from(who.accessToken.split('.')[1]!, 'base64url').toString())
    const accessToken = stack.auth.issuer.sign({ sub, role, username }, {
      sid, amr: ['pwd', 'otp'], acr: 'urn:rekam:aal2', auth_time: Math.floor(Date.now() / 1000) - secondsAgo,
    })
    return { ...who, accessToken, headers: { authorization: `Bearer ${accessToken}` } }
  }

  /** A record's or a profile's trail, oldest first, without the generated id and times (`at` is checked to be a Date). */
  async function trail (target: 'RECORD' | 'PATIENT', id: string) {
    const rows = target === 'RECORD'
      ? await recordLogRows(app.db).where(eq(recordAccessLog.recordId, id)).orderBy(asc(recordAccessLog.at), asc(recordAccessLog.id))
      : await patientLogRows(app.db).where(eq(patientAccessLog.patientId, id)).orderBy(asc(patientAccessLog.at), asc(patientAccessLog.id))
    return rows.map(({ id, at, lastAt, ...rest }) => {
      t.ok(at instanceof Date, 'every row has its time')
      return { ...rest, lastAt: lastAt === null ? null : 'set' }
    })
  }

  /** The rows of one request (by its x-request-id), in either log. */
  async function rowsOf (res: { headers: Record<string, unknown> }) {
    const requestId = String(res.headers['x-request-id'])
    const strip = <R extends { id: string, at: Date, lastAt: Date | null }>({ id, at, lastAt, ...rest }: R) => ({ ...rest, lastAt: lastAt === null ? null : 'set' })
    return {
      records: (await recordLogRows(app.db).where(eq(recordAccessLog.requestId, requestId))).map(strip),
      patients: (await patientLogRows(app.db).where(eq(patientAccessLog.requestId, requestId))).map(strip),
    }
  }

  /** The DENIED rows of an actor on a target. */
  async function denied (target: 'RECORD' | 'PATIENT', id: string, actor: Person) {
    const rows = target === 'RECORD'
      ? await recordLogRows(app.db).where(and(eq(recordAccessLog.recordId, id), eq(recordAccessLog.actorUserId, actor.userId), eq(recordAccessLog.outcome, 'DENIED')))
      : await patientLogRows(app.db).where(and(eq(patientAccessLog.patientId, id), eq(patientAccessLog.actorUserId, actor.userId), eq(patientAccessLog.outcome, 'DENIED')))
    return rows.map(({ action, reason, count, purpose, actorRole, lastAt, deniedWindow }) => ({ action, reason, count, purpose, actorRole, lastAt: lastAt === null ? null : 'set', deniedWindow: deniedWindow?.toISOString() ?? null }))
  }

  const admin = await signUp(stack.auth, 'ADMIN')
  const drOwner: Doctor = await doctorWithProfile(stack, 'dr. Owner', 'General Practice')
  const drX: Doctor = await doctorWithProfile(stack, 'dr. X', 'Cardiology')

  /** A patient with an account and a profile, and one record written by dr. Owner (who is in their care). */
  async function patientWithRecord (name: string, visitDate = '2026-05-01') {
    const patient: Patient = await patientWithProfile(stack, name)
    const record = await writeRecord(stack, drOwner, patient.patientId, { visitDate })
    return { patient, record }
  }

  return { stack, app, call, clock, steppedUp, trail, rowsOf, denied, admin, drOwner, drX, patientWithRecord }
}

/** The minute a DENIED row made at `at` folds into. */
export const windowOf = (at: Date) => new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS).toISOString()
