/**
 * The sign-in lockout holds against bursts through the real nginx, as an attacker sends them:
 * many attempts at once for one account, from one address and from many, with the right
 * password among them. At most LOGIN_MAX_FAILURES passwords are evaluated per window; everything
 * else is 429, the right password included.
 */
import { request as httpRequest } from 'node:http'
import t from 'tap'
import { DEMO, ensureBuilt, findNginx, serviceDatabase, startNginx, startServices } from '@rekam/testing/e2e'

const nginxBin = findNginx()
const MAX = 5

interface Answer { status: number, code: string | undefined, remaining: string | undefined }

/** One sign-in from a given loopback address (nginx passes it on as the client address). */
function signIn (gateway: string, from: string, email: string, password: string): Promise<Answer> {
  const url = new URL(gateway)
  const payload = JSON.stringify({ email, password })
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: url.hostname,
      port: url.port,
      localAddress: from,
      method: 'POST',
      path: '/api/auth/login',
      agent: false,
      timeout: 20_000,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', (chunk: string) => { text += chunk }).on('end', () => {
        const body = JSON.parse(text) as { error?: { code: string } }
        resolve({ status: res.statusCode ?? 0, code: body.error?.code, remaining: res.headers['x-ratelimit-remaining'] as string | undefined })
      })
    })
    req.on('timeout', () => req.destroy(new Error('sign-in timed out')))
    req.on('error', reject)
    req.end(payload)
  })
}

/**
 * A connection reset before any answer is tried once more: what the burst asserts is read from
 * the answers and from the security events, and a reset request evaluated no password twice.
 */
async function signInOnce (gateway: string, from: string, email: string, password: string, resets: string[]): Promise<Answer> {
  try {
    return await signIn(gateway, from, email, password)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') throw err
    resets.push(from)
    return signIn(gateway, from, email, password)
  }
}

const tally = (answers: Answer[]) => answers.reduce<Record<string, number>>((counts, a) => {
  counts[a.status] = (counts[a.status] ?? 0) + 1
  return counts
}, {})

t.test('login bursts through nginx', { skip: nginxBin ? false : 'nginx is not installed' }, async (t) => {
  for (const note of ensureBuilt()) t.comment(note)
  // A real hashing cost: the burst arrives while the first attempts are still being compared.
  const { auth, records } = await startServices(t, {
    auth: { BCRYPT_COST: '10', LOGIN_MAX_FAILURES: String(MAX), LOGIN_MAX_FAILURES_PER_IP: '1000' },
  })
  const nginx = await startNginx(t, { auth: `127.0.0.1:${auth.port}`, records: `127.0.0.1:${records.port}` }, nginxBin)
  const sql = serviceDatabase(t, auth)
  const failures = async (email: string) => {
    const [row] = await sql<Array<{ n: number }>>`
      select count(*)::int as n from security_events e join users u on u.id = e.user_id
      where u.email = ${email} and e.type = 'LOGIN_FAILED' and e.reason = 'wrong_password'`
    return row!.n
  }

  const bursts = [
    { who: DEMO.andi, size: 30, addresses: 1 },
    { who: DEMO.siti, size: 120, addresses: 120 },
  ]
  for (const { who, size, addresses } of bursts) {
    // Last in the burst, so it arrives after the first attempts have taken their places.
    const right = size - 1
    const resets: string[] = []
    const answers = await Promise.all(Array.from({ length: size }, (_, i) =>
      signInOnce(nginx.url, `127.0.0.${2 + (i % addresses)}`, who.email, i === right ? who.password : `wrong-guess-${i}`, resets)))
    if (resets.length) t.comment(`${resets.length} connection(s) reset and tried again; nginx: ${nginx.errorLog().split('\n').filter((l) => /\[(error|crit|alert)\]/.test(l)).slice(-3).join(' | ')}`)
    const counts = tally(answers)
    t.ok((counts[401] ?? 0) <= MAX, `${size} at once from ${addresses} address(es): ${counts[401] ?? 0} wrong passwords evaluated (at most ${MAX})`)
    t.strictSame(Object.keys(counts).sort(), (counts[401] ? ['401', '429'] : ['429']), `${who.email}: only 401 and 429 (${JSON.stringify(counts)})`)
    t.equal(answers[right]!.status, 429, 'the right password inside the burst is refused too')
    t.ok(answers.filter((a) => a.status === 429).every((a) => a.code === 'TOO_MANY_REQUESTS' && a.remaining === '0'), 'every 429 is TOO_MANY_REQUESTS with x-ratelimit-remaining: 0')
    t.ok(await failures(who.email) <= MAX, 'the security events show at most the limit of wrong passwords')
    t.equal((await signIn(nginx.url, '127.0.0.1', who.email, who.password)).status, 429, 'the account stays locked for the window')
  }
})
