import t from 'tap'
import { buildStack, signUp } from '../helper.js'

t.test('a 403 log line says who tried: the user and the address', async (t) => {
  const entries: Array<Record<string, unknown>> = []
  const stack = await buildStack(t, { recordsLogStream: { write: (line) => { entries.push(JSON.parse(line)) } } })
  const patient = await signUp(stack.auth, 'PATIENT')

  const res = await stack.records.inject({ method: 'GET', url: '/api/patients', headers: patient.headers, remoteAddress: '192.0.2.61' })
  t.equal(res.statusCode, 403)
  const line = entries.find((entry) => entry.reqId === res.headers['x-request-id'] && entry.code === 'FORBIDDEN')
  t.strictSame(line && { code: line.code, statusCode: line.statusCode, userId: line.userId, clientAddress: line.clientAddress, msg: line.msg }, {
    code: 'FORBIDDEN',
    statusCode: 403,
    userId: patient.userId,
    clientAddress: '192.0.2.61',
    msg: res.json().error.message,
  })
})
