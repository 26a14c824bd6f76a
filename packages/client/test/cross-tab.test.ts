import t from 'tap'
import { createRekamClient, unwrap, type SessionState, type SignedOutReason } from '../src/index.js'
import { browserFetch, CookieJar, processLocks } from './helpers/browser-fetch.js'
import { DEMO, realClock, startStack, signedIn, signInStaff } from './helpers/stack.js'

// Tabs of one browser: one cookie jar, Web Locks (Node 20 has none: a stand-in granting the lock
// in request order) and Node's own BroadcastChannel, which reaches every channel of the name.
const ORIGIN = 'http://portal.test'
const stack = await startStack(t, { PUBLIC_URL: ORIGIN })
const baseUrl = { auth: stack.authUrl, records: stack.recordsUrl }
const MINUTE = 60_000

function browser () {
  const jar = new CookieJar()
  const locks = processLocks()
  const sent: Request[] = []
  let ahead = 0
  const clock = { now: () => realClock() + ahead, advance: (ms: number) => { ahead += ms } }
  const tab = () => {
    const reasons: SignedOutReason[] = []
    const rekam = createRekamClient({
      baseUrl,
      delivery: 'cookie',
      fetch: browserFetch(jar, ORIGIN, sent),
      now: clock.now,
      onSignedOut: (reason) => reasons.push(reason),
      crossTab: { locks, channel: () => new BroadcastChannel('rekam-session') },
    })
    t.teardown(() => rekam.close())
    return { rekam, reasons }
  }
  return { tab, sent, clock }
}

const pathOf = (request: Request) => `${request.method} ${new URL(request.url).pathname}`
const nextState = (rekam: ReturnType<typeof createRekamClient>) => new Promise<SessionState>((resolve) => {
  const stop = rekam.subscribe((state) => { stop(); resolve(state) })
})

t.test('a sign-in in one tab signs the other tabs in', async (t) => {
  const { tab } = browser()
  const [a, b] = [tab(), tab()]
  const told = nextState(b.rekam)
  const user = signedIn(await a.rekam.signIn(DEMO.andi))
  t.strictSame(await told, { user })
  t.strictSame(b.rekam.user, user)
  t.equal(unwrap(await b.rekam.auth.GET('/api/auth/me')).user.id, user.id, 'with the access token handed over')
})

t.test('two tabs refreshing at the same moment make one refresh request', async (t) => {
  const { tab, sent, clock } = browser()
  const [a, b] = [tab(), tab()]
  const signedIn = nextState(b.rekam)
  await signInStaff(a.rekam, DEMO.sari, stack)
  await signedIn
  clock.advance(15 * MINUTE)
  sent.splice(0)
  const answers = await Promise.all([
    a.rekam.auth.GET('/api/auth/me'),
    b.rekam.records.GET('/api/doctors/me'),
    b.rekam.auth.GET('/api/auth/sessions'),
  ])
  t.strictSame(answers.map((answer) => answer.response.status), [200, 200, 200])
  t.equal(sent.filter((request) => pathOf(request) === 'POST /api/auth/refresh').length, 1, 'one refresh for both tabs')
  t.strictSame([...a.reasons, ...b.reasons], [])
})

t.test('a sign-out in one tab signs the other tabs out with the reason', async (t) => {
  const { tab } = browser()
  const [a, b] = [tab(), tab()]
  const signedIn = nextState(b.rekam)
  await a.rekam.signIn(DEMO.andi)
  await signedIn
  const told = nextState(b.rekam)
  await a.rekam.signOut()
  t.strictSame(await told, { user: null, reason: 'SIGNED_OUT' })
  t.strictSame(b.reasons, ['SIGNED_OUT'])
  t.equal(b.rekam.user, null)
})
