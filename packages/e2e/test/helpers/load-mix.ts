import type { LoadUser } from './load-users.js'
import { createTag, diffRecord, type ExpectedRecord, type LoadState } from './load-state.js'

export { LoadState, TAG_PATTERN, diffRecord, type ExpectedRecord } from './load-state.js'

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

/**
 * Every user is one virtual user doing the mix of its role, one request at a time, until the
 * deadline; past it, until `enough()` says every kind of request has been seen often enough (a
 * very busy machine answers fewer in the time), for at most three more durations.
 */
export async function drive (s: LoadState, users: LoadUser[], durationMs: number, enough: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + durationMs
  const cap = deadline + 3 * durationMs
  const goOn = () => Date.now() < deadline || (Date.now() < cap && !enough())
  await Promise.all(users.map(async (user) => {
    const vu: Vu = { user, authored: [], creates: 0 }
    while (goOn()) await pickOp(user.role)(s, vu)
  }))
}
