import { and, eq } from 'drizzle-orm'
import t from 'tap'
import { recordAccessLog } from '../../../src/db/schema.js'
import { writeRecord, type Person } from '../../helper.js'
import { recordsCast } from './cast.js'

// Each request a second after the one before: lists are ordered by creation time.
let now = new Date('2026-06-02T08:00:00.000Z')
const { stack, app, call, steppedUp, withoutWriting, admin, drAlpha, drBeta, andi, siti } = await recordsCast(t, { recordsNow: () => now })

const post = (who: Person, url: string, payload?: object) => app.inject({ method: 'POST', url, headers: who.headers, ...(payload ? { payload } : {}) })
const ask = (who: Person, id: string, text: string) => {
  now = new Date(now.getTime() + 1000)
  return post(who, `/api/records/${id}/amendment-requests`, { text })
}
const signed = async () => {
  const { id } = await writeRecord(stack, drAlpha, andi.patientId)
  const res = await post(steppedUp(drAlpha), `/api/records/${id}/sign`)
  if (res.statusCode !== 200) throw new Error(res.body)
  return id
}
const pendingOf = (request: { id: string, recordId: string, text: string, createdAt: string }) => ({
  id: request.id, recordId: request.recordId, patientId: andi.patientId, text: request.text, status: 'PENDING', createdAt: request.createdAt, decidedAt: null, decidedBy: null, decisionReason: null, resultingVersion: null,
})

t.test('the patient asks; another patient, a doctor or a made-up record cannot', async (t) => {
  const id = await signed()
  const res = await ask(andi, id, 'My penicillin allergy is missing')
  t.equal(res.statusCode, 201, res.body)
  const { request } = res.json().data
  t.strictSame(res.json(), { success: true, data: { request: pendingOf({ ...request, text: 'My penicillin allergy is missing' }) }, message: 'Amendment requested' })
  t.equal(request.createdAt, now.toISOString())
  const other = await ask(siti, id, 'Not my record')
  t.equal(other.statusCode, 403)
  t.strictSame(other.json().error, { code: 'FORBIDDEN', message: 'This medical record belongs to another patient', requestId: other.headers['x-request-id'] })
  const refusals = await app.db.select({ actor: recordAccessLog.actorUserId, action: recordAccessLog.action, reason: recordAccessLog.reason }).from(recordAccessLog)
    .where(and(eq(recordAccessLog.recordId, id), eq(recordAccessLog.outcome, 'DENIED')))
  t.strictSame(refusals, [{ actor: siti.userId, action: 'CREATE', reason: 'NOT_OWNER' }])
  t.equal((await ask(drAlpha, id, 'Doctors do not ask')).statusCode, 403)
  t.equal((await ask(andi, '00000000-0000-4000-8000-000000000000', 'Nobody')).statusCode, 404)
  t.equal((await ask(andi, id, 'no')).statusCode, 400, 'at least 3 characters')

  const list = await call(andi, 'GET', `/api/records/${id}/amendment-requests`)
  t.strictSame(list.json().data, { requests: [pendingOf(request)] })
  t.equal((await call(drAlpha, 'GET', `/api/records/${id}/amendment-requests`)).statusCode, 200, 'its author')
  t.equal((await call(admin, 'GET', `/api/records/${id}/amendment-requests`)).statusCode, 200, 'an admin')
  t.equal((await call(drBeta, 'GET', `/api/records/${id}/amendment-requests`)).statusCode, 403, 'another doctor')
  t.equal((await call(siti, 'GET', `/api/records/${id}/amendment-requests`)).statusCode, 403, 'another patient')
})

t.test('the author declines with a reason, accepts another: a signed amendment naming the request; a decided request is 409', async (t) => {
  const id = await signed()
  const first = (await ask(andi, id, 'Please remove the diagnosis')).json().data.request
  const second = (await ask(andi, id, 'Add my penicillin allergy')).json().data.request

  const queue = await call(drAlpha, 'GET', '/api/records/amendment-requests?status=PENDING')
  t.equal(queue.statusCode, 200, queue.body)
  t.strictSame(queue.json().data.items.map((r: { id: string }) => r.id).filter((rid: string) => [first.id, second.id].includes(rid)), [first.id, second.id], 'oldest first')
  t.strictSame((await call(drBeta, 'GET', '/api/records/amendment-requests?status=PENDING')).json().data.items, [], 'another doctor\'s queue')
  t.equal((await call(andi, 'GET', '/api/records/amendment-requests')).statusCode, 403, 'patients have no queue')

  const decline = (who: Person, requestId: string, reason = 'The diagnosis is confirmed by the lab result') => post(who, `/api/records/${id}/amendment-requests/${requestId}/decline`, { reason })
  t.equal((await decline(drAlpha, first.id, 'no')).statusCode, 400, 'a reason of 3 characters at least')
  t.equal((await withoutWriting(t, () => decline(drBeta, first.id))).statusCode, 403, 'another doctor')
  const declined = await decline(drAlpha, first.id)
  t.equal(declined.statusCode, 200, declined.body)
  t.strictSame(declined.json().data.request, {
    ...pendingOf(first), status: 'DECLINED', decidedAt: now.toISOString(), decidedBy: drAlpha.userId, decisionReason: 'The diagnosis is confirmed by the lab result',
  })
  const twice = await decline(drAlpha, first.id)
  t.equal(twice.statusCode, 409)
  t.strictSame(twice.json().error, { code: 'CONFLICT', message: 'This amendment request was already declined', requestId: twice.headers['x-request-id'] })

  const accept = (who: Person, requestId: string) => post(who, `/api/records/${id}/amendment-requests/${requestId}/accept`, { changes: { notes: 'Allergic to penicillin' } })
  t.equal((await withoutWriting(t, () => accept(drAlpha, second.id))).json().error.code, 'STEP_UP_REQUIRED')
  t.equal((await withoutWriting(t, () => accept(steppedUp(drAlpha), first.id))).statusCode, 409, 'a declined request cannot be accepted')
  const accepted = await accept(steppedUp(drAlpha), second.id)
  t.equal(accepted.statusCode, 200, accepted.body)
  t.equal(accepted.headers.etag, '"3"')
  const { request, record } = accepted.json().data
  t.strictSame(request, { ...pendingOf(second), status: 'ACCEPTED', decidedAt: now.toISOString(), decidedBy: drAlpha.userId, resultingVersion: 3 })
  t.strictSame([record.version, record.status, record.notes, record.signedBy], [3, 'final', 'Allergic to penicillin', drAlpha.userId])
  const version = await app.recordVersionsRepository.find(id, 3)
  t.strictSame([version?.kind, version?.amendsVersion, version?.amendmentRequestId, version?.reason], ['AMENDED', 2, second.id, 'Add my penicillin allergy'])
  t.equal((await accept(steppedUp(drAlpha), second.id)).statusCode, 409, 'accepted twice')

  const history = await call(andi, 'GET', `/api/records/${id}/amendment-requests`)
  t.strictSame(history.json().data.requests.map((r: { status: string }) => r.status), ['DECLINED', 'ACCEPTED'])
  const decided = await call(admin, 'GET', '/api/records/amendment-requests?status=ACCEPTED')
  t.ok(decided.json().data.items.some((r: { id: string }) => r.id === second.id), 'an admin\'s queue holds every record\'s')
})

t.test('accepting a request on a draft updates it (UPDATED, unsigned), with the decision\'s reason', async (t) => {
  const { id } = await writeRecord(stack, drAlpha, andi.patientId)
  const { request } = (await ask(andi, id, 'The visit was on the 2nd')).json().data
  const res = await post(steppedUp(admin), `/api/records/${id}/amendment-requests/${request.id}/accept`, { changes: { visitDate: '2026-05-02' }, reason: 'Checked against the appointment book' })
  t.equal(res.statusCode, 200, res.body)
  t.strictSame([res.json().data.record.version, res.json().data.record.status, res.json().data.record.signature, res.json().data.record.visitDate], [2, 'draft', null, '2026-05-02'])
  const version = await app.recordVersionsRepository.find(id, 2)
  t.strictSame([version?.kind, version?.amendmentRequestId, version?.reason, version?.changedByRole], ['UPDATED', request.id, 'Checked against the appointment book', 'ADMIN'])
  t.strictSame([res.json().data.request.decisionReason, res.json().data.request.resultingVersion], ['Checked against the appointment book', 2])
})
