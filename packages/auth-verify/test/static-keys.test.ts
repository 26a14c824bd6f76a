import { generateKeyPairSync } from 'node:crypto'
import t from 'tap'
import { createStaticKeyResolver } from '../src/static-keys.js'

t.test('static keys reach the verifier as canonical SPKI PEM, whatever the configured text looked like', async (t) => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const canonical = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  const variants = [
    canonical,
    canonical.replaceAll('\n', '\r\n'),
    `${canonical}\n\n`,
    publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  ]
  for (const [i, text] of variants.entries()) {
    const resolve = createStaticKeyResolver([{ kid: 'k1', publicKey: text }])
    t.equal(resolve({ header: { kid: 'k1' } }), canonical, `variant ${i}`)
  }
  const resolve = createStaticKeyResolver([{ kid: 'k1', publicKey: canonical }])
  t.throws(() => resolve({ header: { kid: 'other' } }), { code: 'TOKEN_INVALID' }, 'an unknown kid is refused')
  t.throws(() => createStaticKeyResolver([{ kid: 'k1', publicKey: 'not a key' }]), 'a bad key fails at start')
})
