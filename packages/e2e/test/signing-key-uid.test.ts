/**
 * The compose signing key, made the documented way (deploy/compose/create-signing-key.sh, run by
 * whoever runs compose: here root, not uid 1000), is readable by the image's user and by no other
 * host user. That the deployed auth-service started as uid 1000 signs with it is checked by
 * image-commands.test.ts, which starts the images' commands.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import t from 'tap'
import { repoPath } from '@rekam/testing/e2e'
import { asImageUser, canSwitchUser, documentedKey, KEY_SCRIPT, openDir } from './helpers/image-user.js'

const readAsImageUser = (file: string) => spawnSync('setpriv', asImageUser([process.execPath, '-e', `require('node:fs').readFileSync(${JSON.stringify(file)})`]), { encoding: 'utf8' })

t.test('the documented key: readable by the image\'s user in the container, by no other user on the host', {
  skip: canSwitchUser ? false : 'needs root, to be another user than the image\'s',
}, async (t) => {
  t.match(readFileSync(repoPath('services', 'auth-service', 'Dockerfile'), 'utf8'), /^USER node$/m, 'the image runs as node (uid 1000)')
  const { hostPath, mountedPath } = documentedKey(t)
  t.equal(statSync(hostPath).mode & 0o777, 0o644, 'the key: readable by the container\'s user')
  t.equal(statSync(dirname(hostPath)).mode & 0o777, 0o700, 'its folder: only its owner')
  t.not(readAsImageUser(hostPath).status, 0, 'another host user cannot reach it through the folder')
  t.equal(statSync(mountedPath).ino, statSync(hostPath).ino, 'the container sees the same file, owner and mode')
  t.equal(readAsImageUser(mountedPath).status, 0, 'and the image\'s user reads it there')
  t.not(spawnSync('sh', [KEY_SCRIPT, hostPath], { stdio: 'pipe' }).status, 0, 'a second run does not replace the key')
})

t.test('openssl\'s own 0600 key, owned by another user: the image\'s user cannot read it', {
  skip: canSwitchUser ? false : 'needs root',
}, async (t) => {
  const bare = join(openDir(t, 'bare'), 'jwt-private.pem')
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', bare], { stdio: 'ignore' })
  t.equal(statSync(bare).mode & 0o777, 0o600, 'openssl writes private keys 0600')
  const read = readAsImageUser(bare)
  t.not(read.status, 0, 'refused')
  t.match(read.stderr, /EACCES|permission denied/i, 'for want of permission')
})
