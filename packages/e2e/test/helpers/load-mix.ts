import { performance } from 'node:perf_hooks'
import { request, type ApiResponse } from '@rekam/testing/e2e'
import { LoadStats } from './load-stats.js'
import type { LoadUser } from './load-users.js'

/** A record's fields as the test wrote them: what the database must hold. */
export interface ExpectedRecord {
  patientId: string
  doctorId: string
  visitDate: string
  complaint: string
  diagnosis: string
  treatment: string
  prescription: string | null
  notes: string | null
}

export const RECORD_FIELDS = ['patientId', 'doctorId', 'visitDate', 'complaint', 'diagnosis', 'treatment', 'prescription', 'notes'] as const

/** The fields of `actual` that differ from `expected`. */
export function diffRecord (actual: Record<string, unknown>, expected: ExpectedRecord): string[] {
  return RECORD_FIELDS.filter((f) => actual[f] !== expected[f])
    .map((f) => `${f}: ${JSON.stringify(actual[f])} instead of ${JSON.stringify(expected[f])}`)
}

/** Each create carries a unique tag in its complaint, so its row is found (and counted) by it. */
export const createTag = (nonce: string) => `[load:${nonce}]`
export const TAG_PATTERN = /\[load:([\w-]+)\]/

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!
const maybe = (p: number) => Math.random() < p
const WORDS = ['demam', 'batuk', 'pusing', 'mual', 'nyeri sendi', 'ruam', 'sesak', 'flu', 'luka ringan', 'tekanan darah tinggi']
const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ')
const day = () => `202${pick([4, 5])}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`
/** Omitted, null or text: all three must come back as sent (omitted means null). */
const optionalText = (prefix: string) => maybe(1 / 3) ? undefined : maybe(0.5) ? null : `${prefix} ${words(3)} — ✓`

interface Vu {
  user: LoadUser
  /** Ids of the records this doctor was answered 201 for. */
  authored: string[]
  creates: number
}

interface Answer {
  res: ApiResponse
  rid: string
  ok: boolean
}

/** Everything the virtual users did and were told, for the checks after the run. */
export class LoadState {
  readonly stats = new LoadStats()
  /** Every record answered 201, by id, with the fields it must have now. */
  readonly records = new Map<string, ExpectedRecord>()
  readonly byPatient = new Map<string, string[]>()
  /** Records whose last change got a 5xx or no answer: it may or may not have happened. */
  readonly uncertain = new Set<string>()
  /** Tags of creates that got no answer at all: a row with one of them may exist. */
  readonly unansweredCreates = new Set<string>()
  /** Per request id, the access-log rows its 2xx answer implies: `ACTION record actor role`. */
  readonly expectedLog = new Map<string, string[]>()
  /** Request ids answered 5xx or not at all: their log rows may or may not exist. */
  readonly unknownOutcome = new Set<string>()
  readonly problems: string[] = []
  readonly serverErrors: string[] = []
  readonly networkErrors: string[] = []
  refreshChainBreaks = 0
  #seq = 0

  constructor (readonly baseUrl: string, readonly patients: LoadUser[]) {}

  problem (message: string): void {
    this.problems.push(message)
  }

  expectLog (rid: string, action: string, recordIds: string[], user: LoadUser): void {
    this.expectedLog.set(rid, recordIds.map((id) => `${action} ${id} ${user.userId} ${user.role}`).sort())
  }

  /** One request through the gateway, timed and counted; undefined when no answer came. */
  async call (user: LoadUser, route: string, path: string, opts: { method?: string, json?: unknown, auth?: boolean }, expect: number): Promise<Answer | undefined> {
    const rid = `load-${user.vu}-${++this.#seq}`
    const started = performance.now()
    let res: ApiResponse
    try {
      res = await request(this.baseUrl, path, {
        method: opts.method ?? (opts.json === undefined ? 'GET' : 'POST'),
        json: opts.json,
        token: opts.auth === false ? undefined : user.tokens.accessToken,
        headers: { 'x-request-id': rid },
      })
    } catch (err) {
      this.stats.add(route, 'network', performance.now() - started)
      this.unknownOutcome.add(rid)
      this.networkErrors.push(`${route} ${rid}: ${(err as Error).message}`)
      return undefined
    }
    this.stats.add(route, res.status, performance.now() - started)
    if (res.status >= 500) {
      this.unknownOutcome.add(rid)
      this.serverErrors.push(`${route} ${res.status} ${rid}: ${res.text.slice(0, 300)}`)
    } else if (res.status !== expect && res.status !== 429) {
      this.problem(`${route} answered ${res.status}, expected ${expect} (${rid}): ${res.text.slice(0, 300)}`)
    }
    return { res, rid, ok: res.status === expect }
  }
}

async function login (s: LoadState, vu: Vu): Promise<void> {
  const { email, password } = vu.user
  const a = await s.call(vu.user, 'POST /api/auth/login', '/api/auth/login', { json: { email, password }, auth: false }, 200)
  if (a?.ok) vu.user.tokens = a.res.body.data.tokens
}

/** Rotates this user's own refresh chain; the new access token is used from then on. */
async function refresh (s: LoadState, vu: Vu): Promise<void> {
  const a = await s.call(vu.user, 'POST /api/auth/refresh', '/api/auth/refresh', { json: { refreshToken: vu.user.tokens.refreshToken }, auth: false }, 200)
  if (a?.ok) {
    vu.user.tokens = a.res.body.data.tokens
    return
  }
  if (a?.res.status === 401) s.refreshChainBreaks++
  // A chain that broke, or whose rotation may or may not have happened, starts again.
  if (!a || a.res.status === 401 || a.res.status >= 500) await login(s, vu)
}

async function me (s: LoadState, vu: Vu): Promise<void> {
  const a = await s.call(vu.user, 'GET /api/auth/me', '/api/auth/me', {}, 200)
  if (a?.ok && a.res.body.data.user.id !== vu.user.userId) s.problem(`/api/auth/me of user ${vu.user.vu} answered user ${a.res.body.data.user.id} (${a.rid})`)
}

async function readRecord (s: LoadState, vu: Vu): Promise<void> {
  const { user } = vu
  const ids = user.role === 'PATIENT' ? s.byPatient.get(user.profileId) : vu.authored
  if (!ids?.length) return listRecords(s, vu)
  const id = pick(ids)
  const a = await s.call(user, 'GET /api/records/:id', `/api/records/${id}`, {}, 200)
  if (!a?.ok) return
  s.expectLog(a.rid, 'READ', [id], user)
  const record = a.res.body.data.record
  if (record.id !== id) s.problem(`GET /api/records/${id} answered record ${record.id} (${a.rid})`)
  // The author is the only writer of their records and waits for each answer: a read must show the last write.
  const expected = s.records.get(id)!
  const diff = user.role === 'DOCTOR' && !s.uncertain.has(id) ? diffRecord(record, expected) : []
  if (user.role === 'PATIENT' && record.patientId !== user.profileId) diff.push(`patientId ${record.patientId} is not the reader's`)
  if (diff.length > 0) s.problem(`read of record ${id} by user ${user.vu} (${a.rid}): ${diff.join('; ')}`)
}

async function listRecords (s: LoadState, vu: Vu): Promise<void> {
  const { user } = vu
  const limit = 1 + Math.floor(Math.random() * 30)
  const patient = user.role === 'PATIENT' ? user : pick(s.patients)
  const byDoctor = user.role === 'DOCTOR' && maybe(0.5)
  const query = byDoctor ? `doctorId=${user.profileId}` : user.role === 'DOCTOR' ? `patientId=${patient.profileId}` : ''
  // Records answered 201 before this request was sent are committed: the total must count them.
  const known = byDoctor ? vu.authored.length : s.byPatient.get(patient.profileId)?.length ?? 0
  const a = await s.call(user, 'GET /api/records', `/api/records?${query}${query ? '&' : ''}limit=${limit}`, {}, 200)
  if (!a?.ok) return
  const { items, total } = a.res.body.data as { items: Array<{ id: string, patientId: string }>, total: number }
  s.expectLog(a.rid, 'READ', items.map((r) => r.id), user)
  if (total < known) s.problem(`list ${query || 'own'} (${a.rid}) counted ${total} records, but ${known} were answered 201 before it`)
  // Whatever else commits meanwhile, what was committed before the request is on the page.
  if (items.length > limit || items.length < Math.min(limit, known)) s.problem(`list (${a.rid}) gave ${items.length} items with limit ${limit} and ${known} known`)
  if (!byDoctor && items.some((r) => r.patientId !== patient.profileId)) s.problem(`list (${a.rid}) gave another patient's record`)
}

async function createRecord (s: LoadState, vu: Vu): Promise<void> {
  const { user } = vu
  const patient = pick(s.patients)
  const nonce = `${user.vu}-${++vu.creates}`
  const body = {
    patientId: patient.profileId,
    visitDate: day(),
    complaint: `${createTag(nonce)} ${words(4)}`,
    diagnosis: words(2),
    treatment: `${words(3)}; kontrol 1 minggu`,
    prescription: optionalText('Rx'),
    notes: optionalText('Catatan'),
  }
  const a = await s.call(user, 'POST /api/records', '/api/records', { json: body }, 201)
  if (!a) s.unansweredCreates.add(nonce)
  if (!a?.ok) return
  const record = a.res.body.data.record
  const expected: ExpectedRecord = { ...body, doctorId: user.profileId, prescription: body.prescription ?? null, notes: body.notes ?? null }
  const diff = diffRecord(record, expected)
  if (diff.length > 0) s.problem(`create ${nonce} (${a.rid}) answered other fields: ${diff.join('; ')}`)
  s.records.set(record.id, expected)
  s.byPatient.set(patient.profileId, [...s.byPatient.get(patient.profileId) ?? [], record.id])
  vu.authored.push(record.id)
  s.expectLog(a.rid, 'CREATE', [record.id], user)
}

async function updateRecord (s: LoadState, vu: Vu): Promise<void> {
  const { user } = vu
  const candidates = vu.authored.filter((id) => !s.uncertain.has(id))
  if (candidates.length === 0) return createRecord(s, vu)
  const id = pick(candidates)
  const options: Array<[keyof ExpectedRecord, () => string | null]> = [
    ['visitDate', day],
    ['diagnosis', () => words(2)],
    ['treatment', () => `${words(2)} (revisi)`],
    ['prescription', () => maybe(0.3) ? null : `Rx ${words(2)}`],
    ['notes', () => maybe(0.3) ? null : `Catatan ${words(3)}`],
  ]
  const chosen = options.filter(() => maybe(0.4))
  const change = Object.fromEntries((chosen.length > 0 ? chosen : [pick(options)]).map(([field, make]) => [field, make()]))
  const a = await s.call(user, 'PATCH /api/records/:id', `/api/records/${id}`, { method: 'PATCH', json: change }, 200)
  if (!a || a.res.status >= 500) s.uncertain.add(id)
  if (!a?.ok) return
  const expected = Object.assign(s.records.get(id)!, change)
  const diff = diffRecord(a.res.body.data.record, expected)
  if (diff.length > 0) s.problem(`update of ${id} (${a.rid}) answered other fields: ${diff.join('; ')}`)
  s.expectLog(a.rid, 'UPDATE', [id], user)
}

type Op = (s: LoadState, vu: Vu) => Promise<void>

/** The mix, by relative weight: reads dominate, as in a clinic; writes are a good fifth. */
const MIX: Record<LoadUser['role'], Array<[Op, number]>> = {
  PATIENT: [[login, 1], [refresh, 2], [me, 3], [listRecords, 3], [readRecord, 5]],
  DOCTOR: [[login, 1], [refresh, 2], [me, 2], [createRecord, 5], [updateRecord, 3], [readRecord, 3], [listRecords, 2]],
}

function pickOp (role: LoadUser['role']): Op {
  const mix = MIX[role]
  let roll = Math.random() * mix.reduce((sum, [, w]) => sum + w, 0)
  for (const [op, weight] of mix) {
    roll -= weight
    if (roll < 0) return op
  }
  return mix[0]![0]
}

/** Every user is one virtual user doing the mix of its role, one request at a time, until the deadline. */
export async function drive (s: LoadState, users: LoadUser[], durationMs: number): Promise<void> {
  const deadline = Date.now() + durationMs
  await Promise.all(users.map(async (user) => {
    const vu: Vu = { user, authored: [], creates: 0 }
    while (Date.now() < deadline) await pickOp(user.role)(s, vu)
  }))
}
