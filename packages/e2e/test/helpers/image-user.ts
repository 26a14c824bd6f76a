import { execFileSync } from 'node:child_process'
import { chmodSync, linkSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { repoPath, tempDir } from '@rekam/testing/e2e'

/** The node image's `node` user, the Dockerfiles' USER. */
export const IMAGE_UID = '1000'

/** `setpriv` arguments that run a command as the image's user, with no supplementary groups. */
export const asImageUser = (command: string[]) => ['--reuid', IMAGE_UID, '--regid', IMAGE_UID, '--clear-groups', ...command]

/** Only root can be another user than the image's and start a process as uid 1000. */
export const canSwitchUser = process.getuid?.() === 0

/** The documented compose step that makes the signing key (README, "With Docker"). */
export const KEY_SCRIPT = repoPath('deploy', 'compose', 'create-signing-key.sh')

/** An open temporary folder (a uid-1000 process must reach what is inside). */
export function openDir (t: { teardown (fn: () => unknown): void }, prefix: string): string {
  const dir = tempDir(t, prefix)
  chmodSync(dir, 0o755)
  return dir
}

/**
 * The key made the documented way by root in a host folder, and the container's view of it:
 * compose bind-mounts the file, which shows the file's own owner and mode and none of the host
 * folders above it; a hard link (the same inode) in an open /run/secrets stands for it.
 */
export function documentedKey (t: { teardown (fn: () => unknown): void }): { hostPath: string, mountedPath: string } {
  const host = tempDir(t, 'host')
  const hostPath = join(host, 'secrets', 'jwt-private.pem')
  execFileSync('sh', [KEY_SCRIPT, hostPath], { cwd: host, stdio: 'pipe' })
  const secrets = join(openDir(t, 'run'), 'secrets')
  mkdirSync(secrets, { mode: 0o755 })
  const mountedPath = join(secrets, 'jwt-private.pem')
  linkSync(hostPath, mountedPath)
  return { hostPath, mountedPath }
}
