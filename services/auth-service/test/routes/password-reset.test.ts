/**
 * Password reset requests against a real SMTP server and PostgreSQL: the request answers alike
 * for known and unknown addresses (status, body, time), blocked accounts get no mail, the limits
 * per email and per client address, and the answer without mail.
 */
import { Worker } from 'node:worker_threads'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { bearer, register, registerAs, testEnv } from '../helper.js'
import { errorOf, PER_ADDRESS, PER_EMAIL, passwordResetFixture, REQUESTED } from './password-reset-fixture.js'

/**
 * POSTs JSON to `url` from a worker thread, one request at a time, and tells each answer's status,
 * body and time (from the request to the last byte of the answer, on the worker's own clock).
 */
function timingClient (t: Test, url: string) {
  const worker = new Worker(`
    const { parentPort, workerData } = require('node:worker_threads')
    parentPort.on('message', async (payload) => {
      const started = process.hrtime.bigint()
      const res = await fetch(workerData.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })
      const body = await res.json()
      parentPort.postMessage({ status: res.status, body, ms: Number(process.hrtime.bigint() - started) / 1e6 })
    })`, { eval: true, workerData: { url } })
  t.teardown(() => worker.terminate())
  return {
    post: (payload: unknown) => new Promise<{ status: number, body: unknown, ms: number }>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.postMessage(payload)
    }),
  }
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)]!
const lowerQuartile = (values: number[]) => sorted(values)[Math.floor(values.length / 4)]!

t.test('password reset: the request', async (t) => {
  const { app, database, env, requestReset, mailedToken, resetMailsTo, eventsOf } = await passwordResetFixture(t)

  t.test('known and unknown addresses: the same status, the same body, about the same time', async (t) => {
    // Requests for known and unknown addresses in alternating order, each measured alone (the
    // previous one's work done and its mail delivered first); the first pair warms up and is not
    // counted. The handler does the same work for both, so only a leak (work for a known address
    // before the answer) could make one side reliably slower. A busy machine only ever adds
    // time, and unevenly, so each side is summed up by its lower quartile (robust to those
    // additions, but moved by a cost every known request pays) and the two compared with a
    // generous margin.
    // Over real HTTP, as a client sees it: the answer's time ends when its last byte arrives. The
    // client runs in a thread of its own, as a real one runs elsewhere: in this thread, the work
    // left for after the answer would delay reading the answer that was already sent.
    const base = await app.listen({ host: '127.0.0.1', port: 0 })
    const client = timingClient(t, `${base}/api/auth/password-reset`)
    const pairs = 12
    const users: Array<Awaited<ReturnType<typeof register>>> = []
    for (let i = 0; i <= pairs; i++) users.push(await register(app))
    await app.mailSender.idle()
    const times = { known: [] as number[], unknown: [] as number[] }
    for (let i = 0; i <= pairs; i++) {
      for (const kind of i % 2 === 0 ? ['known', 'unknown'] as const : ['unknown', 'known'] as const) {
        const email = kind === 'known' ? users[i]!.user.email : `nobody${i}@example.test`
        const { status, body, ms } = await client.post({ email })
        if (i > 0) times[kind].push(ms)
        t.equal(status, 202, `${kind} address: 202`)
        t.strictSame(body, REQUESTED, `${kind} address: the same body`)
        await app.afterAnswer.settled()
        await app.mailSender.idle()
      }
    }
    const known = lowerQuartile(times.known)
    const unknown = lowerQuartile(times.unknown)
    t.comment(`lower quartile known ${known.toFixed(1)} ms, unknown ${unknown.toFixed(1)} ms; medians ${median(times.known).toFixed(1)} and ${median(times.unknown).toFixed(1)} ms`)
    t.ok(known / unknown > 0.5 && known / unknown < 2, `within a factor of two of each other (${(known / unknown).toFixed(2)})`)
    for (const user of users) await mailedToken(user.user.email)
    t.pass('every known address got its link')
    t.strictSame(await resetMailsTo('nobody1@example.test'), [], 'an unknown address gets no mail')
  })

  t.test('blocked accounts and unknown addresses get no mail, with the same answer', async (t) => {
    const blocked = await register(app)
    await app.usersRepository.update(blocked.user.id, { blocked: true })
    const res = await requestReset(blocked.user.email)
    t.equal(res.statusCode, 202)
    t.strictSame(res.json(), REQUESTED)
    t.strictSame(await resetMailsTo(blocked.user.email), [], 'no mail for a blocked account')
    t.strictSame(await eventsOf(blocked.user.id, ['PASSWORD_RESET_REQUESTED']), [], 'and no request recorded')
  })

  t.test('limits per email address (shared with verification links) and per client address, alike for known and unknown addresses', async (t) => {
    const user = await register(app)
    for (const email of [user.user.email, 'unknown-limit@example.test']) {
      for (let i = 0; i < PER_EMAIL; i++) t.equal((await requestReset(email, '10.0.0.2')).statusCode, 202)
      const limited = await requestReset(email, '10.0.0.2')
      t.equal(limited.statusCode, 429, `past ${PER_EMAIL} requests for one address: 429`)
      t.ok(Number(limited.headers['retry-after']) > 3000, 'with Retry-After (the hour\'s rest)')
      t.equal(limited.json().error.code, 'TOO_MANY_REQUESTS')
    }
    const resend = await app.inject({ method: 'POST', url: '/api/auth/email/verify/resend', payload: { email: user.user.email }, remoteAddress: '10.0.0.3' })
    t.equal(resend.statusCode, 429, 'a verification link for that address waits too: one count of mails asked for an address')
    for (let i = 0; i < PER_ADDRESS - 2 * (PER_EMAIL + 1); i++) t.equal((await requestReset(`spray${i}@example.test`, '10.0.0.2')).statusCode, 202)
    const limited = await requestReset('one-more@example.test', '10.0.0.2')
    t.equal(limited.statusCode, 429, `past ${PER_ADDRESS} requests from one client address: 429`)
    t.ok(Number(limited.headers['retry-after']) > 0, 'with Retry-After')
    await app.afterAnswer.settled()
  })

  t.test('without mail, every request answers 503 MAIL_UNAVAILABLE', async (t) => {
    const noMail = await buildApp({ logLevel: false, env: testEnv(database, env) })
    t.teardown(() => noMail.close())
    const admin = await registerAs(noMail, 'ADMIN')
    const user = await register(noMail)
    for (const email of [user.user.email, 'nobody-at-all@example.test']) {
      const res = await noMail.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } })
      t.equal(res.statusCode, 503)
      t.strictSame(res.json(), errorOf('MAIL_UNAVAILABLE', 'Mail is not configured on this server, so this is unavailable; ask the clinic\'s administrator', res.headers['x-request-id']), 'the same for every address')
    }
    const byAdmin = await noMail.inject({ method: 'POST', url: `/api/users/${user.user.id}/password-reset`, headers: bearer(admin.tokens.accessToken) })
    t.equal(byAdmin.statusCode, 503, 'nor can an admin send one')
  })
})
