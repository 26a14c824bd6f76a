import { count, isNull } from 'drizzle-orm'
import type { Test } from 'tap'
import { medicalRecords } from '../../../src/db/schema.js'
import { buildStaticStack, doctorWithProfile, patientWithProfile, rowCounts, signUp, type Person } from '../../helper.js'

export const RECORD_KEYS = ['complaint', 'createdAt', 'diagnosis', 'doctor', 'doctorId', 'errorReason', 'id', 'notes', 'patientId', 'prescription', 'signature', 'signedAt', 'signedBy', 'status', 'treatment', 'updatedAt', 'version', 'visitDate']
export const STAFF_RECORD_KEYS = [...RECORD_KEYS, 'patient'].sort()
export const ACCESS_LOG_KEYS = ['action', 'actorName', 'actorRole', 'actorUserId', 'at', 'count', 'id', 'lastAt', 'outcome', 'purpose', 'reason', 'recordId', 'requestId']

export const ids = (res: { json (): any }) => res.json().data.items.map((r: { id: string }) => r.id)

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/**
 * One records-service for a test file and its shared cast: an admin, two doctors with profiles,
 * two patients with profiles. Every subtest makes its own records and filters by them.
 */
export async function recordsCast (t: Test, options: Parameters<typeof buildStaticStack>[1] = {}) {
  const stack = await buildStaticStack(t, options)
  const app = stack.records
  const call = (who: Pick<Person, 'headers'> | null, method: Method, url: string, payload?: unknown) =>
    app.inject({ method, url, headers: who?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) })

  const liveRecords = async () => {
    const [row] = await app.db.select({ n: count() }).from(medicalRecords).where(isNull(medicalRecords.deletedAt))
    return row?.n ?? 0
  }

  /** The answer to the request, after checking it wrote nothing at all. */
  async function withoutWriting (t: Test, request: () => ReturnType<typeof call>) {
    const before = await rowCounts(stack)
    const res = await request()
    t.strictSame(await rowCounts(stack), before, 'nothing written to medical_records, record_versions or record_access_log')
    return res
  }

  /**
   * The person as after a second-factor sign-in `secondsAgo` seconds ago: their token signed again
   * (same user and session) with `acr: urn:rekam:aal2`, what deleting a record asks for.
   */
  function steppedUp (who: Person, secondsAgo = 0): Person {
    const { sub, role, username, sid } = JSON.parse(Buffer.from(who.accessToken.split('.')[1]!, 'base64url').toString())
    const accessToken = stack.auth.issuer.sign({ sub, role, username }, {
      sid, amr: ['pwd', 'otp'], acr: 'urn:rekam:aal2', auth_time: Math.floor(Date.now() / 1000) - secondsAgo,
    })
    return { ...who, accessToken, headers: { authorization: `Bearer ${accessToken}` } }
  }

  return {
    stack,
    app,
    call,
    steppedUp,
    liveRecords,
    withoutWriting,
    admin: await signUp(stack.auth, 'ADMIN'),
    drAlpha: await doctorWithProfile(stack, 'dr. Alpha', 'Cardiology'),
    drBeta: await doctorWithProfile(stack, 'dr. Beta', 'Neurology'),
    andi: await patientWithProfile(stack, 'Andi Records'),
    siti: await patientWithProfile(stack, 'Siti Records'),
  }
}
