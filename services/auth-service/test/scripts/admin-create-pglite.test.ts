import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { buildAppOn } from '../helper.js'
import { firstStaffSignIn } from '../mfa.js'
import { adminArgs, adminCreate, STRONG, tokenOf } from './admin-create-run.js'

t.test('on PGlite, in the folder the service then serves', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rekam-admin-create-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const first = adminArgs()
  const made = await adminCreate(first.args, { DATA_DIR: dir })
  t.equal(made.code, 0, made.stderr)
  const database = await createTestDatabase(t, 'pglite')
  const app = await buildAppOn(t, database, { DATA_DIR: dir })
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token: tokenOf(made.stdout), password: STRONG } })).statusCode, 200)
  t.equal((await firstStaffSignIn(app, first.username, STRONG)).user!.role, 'ADMIN', 'the first admin signs in, enrolling the second factor the role requires')
})
