import t from 'tap'
import type { AccessTokenClaims, StaticKey } from '../src/index.js'
import { VerifiedTokens } from '../src/verified-tokens.js'
import { assertRefused, buildApp, claims, get, makeKey, sign } from './helpers.js'

const rsa = makeKey('RS256', 'rsa-1')
const listed: StaticKey = { kid: rsa.kid, publicKey: rsa.publicPem }

/** A key list given as a function, counting how often the verifier asks for it (once per full verification). */
function countedKeys (initial: StaticKey[]) {
  const state = { keys: initial, asked: 0 }
  return { state, keys: () => { state.asked++; return state.keys } }
}

t.test('a token used again is answered from memory, not verified in full each time', async (t) => {
  const { state, keys } = countedKeys([listed])
  const app = await buildApp(t, { keys })
  const token = await sign({ key: rsa })
  const before = state.asked
  for (let i = 0; i < 20; i++) t.equal((await get(app, `Bearer ${token}`)).statusCode, 200)
  t.equal(state.asked - before, 1, 'one full verification for twenty requests')
  const other = await sign({ key: rsa })
  t.equal((await get(app, `Bearer ${other}`)).statusCode, 200)
  t.equal(state.asked - before, 2, 'another token is verified in full')
  const body = (await get(app, `Bearer ${token}`)).json()
  t.equal(body.sub, JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub, 'the remembered claims are the token\'s')
})

t.test('with the cache off, every request is verified in full', async (t) => {
  const { state, keys } = countedKeys([listed])
  const app = await buildApp(t, { keys, verifiedTokensCacheSize: 0 })
  const token = await sign({ key: rsa })
  const before = state.asked
  for (let i = 0; i < 5; i++) t.equal((await get(app, `Bearer ${token}`)).statusCode, 200)
  t.equal(state.asked - before, 5)
})

t.test('a remembered token is answered from memory only until it expires (with the skew)', async (t) => {
  const memory = new VerifiedTokens({ max: 10, clockToleranceMs: 5000, recheckAfterMs: 1000 })
  const at = 1_800_000_000_000
  const expiring = claims({ iat: at / 1000 - 60, exp: at / 1000 + 600 }) as AccessTokenClaims
  memory.remember('token', expiring, at)
  t.strictSame(memory.get('token', at + 900), expiring, 'before the recheck is due')
  t.equal(memory.get('token', at + 1000), undefined, 'the recheck is due after a second')
  const shortLived = { ...expiring, exp: at / 1000 - 5 } as AccessTokenClaims
  memory.remember('short', shortLived, at)
  t.equal(memory.get('short', at - 1), shortLived, 'within exp plus the skew')
  t.equal(memory.get('short', at), undefined, 'not once exp plus the skew is reached, recheck or not')
})

t.test('a remembered token stops working within a second of its key being withdrawn', async (t) => {
  const { state, keys } = countedKeys([listed])
  let clock = Date.now()
  const app = await buildApp(t, { keys, now: () => clock })
  const token = await sign({ key: rsa })
  t.equal((await get(app, `Bearer ${token}`)).statusCode, 200)
  state.keys = [{ kid: 'another', publicKey: makeKey('RS256', 'another').publicPem }]
  clock += 900
  t.equal((await get(app, `Bearer ${token}`)).statusCode, 200, 'still answered from memory within the second')
  clock += 200
  await assertRefused(t, app, `Bearer ${token}`, 'TOKEN_INVALID')
})

t.test('a refused token is never remembered: fixing nothing, it stays refused', async (t) => {
  const app = await buildApp(t, { keys: [listed] })
  const forged = makeKey('RS256', rsa.kid)
  const token = await sign({ key: forged })
  for (let i = 0; i < 3; i++) await assertRefused(t, app, `Bearer ${token}`, 'TOKEN_INVALID')
})
