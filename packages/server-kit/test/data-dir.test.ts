import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { baseConfigProperties, defaultDataDir, localDataRoot } from '../src/index.js'

// This file runs from test/ or, compiled, from dist-test/test/ (scripts/compile-tests.mjs).
const checkout = fileURLToPath(new URL(import.meta.url.includes('/dist-test/') ? '../../../..' : '../../..', import.meta.url))

t.test('in a checkout, a service\'s DATA_DIR defaults to its folder in the launcher\'s data', async (t) => {
  t.equal(localDataRoot({}), join(checkout, '.data'))
  t.equal(defaultDataDir('auth', {}), join(checkout, '.data', 'auth'))
  t.equal(defaultDataDir('records', { REKAM_DATA_DIR: '/srv/rekam' }), '/srv/rekam/records', 'REKAM_DATA_DIR moves it')
  t.equal(defaultDataDir('auth', { REKAM_DATA_DIR: 'var/data' }), join(checkout, 'var', 'data', 'auth'), 'a relative one is taken from the checkout\'s root, not a package folder')
})

t.test('the config schema\'s default is that folder', async (t) => {
  const expected = defaultDataDir('auth')
  t.equal(baseConfigProperties(3001, 'auth').DATA_DIR.default, expected)
  t.equal(baseConfigProperties(0).DATA_DIR.default, '.data', 'without a service name, .data as before')
})
