import t from 'tap'
import { buildStack, doctorWithProfile, patientWithProfile, signUp, writeRecord } from './helper.js'

t.test('seed 000 flow: login, my records with doctors, detail, another patient\'s record is 403', async (t) => {
  const stack = await buildStack(t)
  const doctor = await doctorWithProfile(stack, 'dr. Sari', 'General Practice')
  const andi = await patientWithProfile(stack, 'Andi')
  const siti = await patientWithProfile(stack, 'Siti')
  const mine = await writeRecord(stack, doctor, andi.patientId)
  const theirs = await writeRecord(stack, doctor, siti.patientId)

  const list = await stack.records.inject({ method: 'GET', url: '/api/records', headers: andi.headers })
  t.equal(list.statusCode, 200, list.body)
  t.equal(list.json().data.total, 1)
  t.equal(list.json().data.items[0].id, mine.id)
  t.strictSame(list.json().data.items[0].doctor, { id: doctor.doctorId, fullName: 'dr. Sari', specialization: 'General Practice' })

  const detail = await stack.records.inject({ method: 'GET', url: `/api/records/${mine.id}`, headers: andi.headers })
  t.equal(detail.statusCode, 200, detail.body)
  const other = await stack.records.inject({ method: 'GET', url: `/api/records/${theirs.id}`, headers: andi.headers })
  t.equal(other.statusCode, 403, other.body)
  t.equal(other.json().error.code, 'FORBIDDEN')

  const log = await stack.records.inject({ method: 'GET', url: `/api/records/${mine.id}/access-log`, headers: andi.headers })
  t.equal(log.statusCode, 200, log.body)
  t.strictSame(log.json().data.items.map((e: { action: string }) => e.action), ['CREATE', 'READ', 'READ'])

  const nobody = await signUp(stack.auth, 'PATIENT')
  const empty = await stack.records.inject({ method: 'GET', url: '/api/records', headers: nobody.headers })
  t.strictSame(empty.json().data, { items: [], page: 1, limit: 20, total: 0 })
})
