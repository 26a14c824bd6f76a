import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * A network namespace of the test's own, joined to this one by a veth pair on a private /30:
 * `hostAddress` on this side, `peerAddress` inside. Traffic between them never leaves the
 * machine, yet for a program inside the namespace `hostAddress` is another host, not loopback
 * (browsers treat localhost and 127.0.0.0/8 as secure origins; this address is not).
 */
export interface Netns {
  name: string
  hostAddress: string
  peerAddress: string
  /** A script that runs `command` (and its arguments) inside the namespace. */
  wrap (dir: string, command: string): string
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' })

/** Why a namespace cannot be made here, or undefined when it can. */
export function netnsUnavailable (): string | undefined {
  if (process.getuid?.() !== 0) return 'network namespaces need root'
  if (spawnSync('ip', ['-V']).status !== 0) return 'the ip command (iproute2) is missing'
  const probe = `rekam-probe-${process.pid}`
  if (spawnSync('ip', ['netns', 'add', probe]).status !== 0) return 'ip netns add is not permitted here'
  spawnSync('ip', ['netns', 'del', probe])
  return undefined
}

export function createNetns (t: { teardown (fn: () => unknown): void }): Netns {
  const id = process.pid % 100_000
  const name = `rekam-e2e-${id}`
  // A /30 of 10.200.0.0/16 chosen by the process id, so that parallel runs do not collide.
  const block = (process.pid % 16_384) * 4
  const base = `10.200.${Math.floor(block / 256)}.${block % 256}`
  const address = (n: number) => base.replace(/\d+$/, (last) => String(Number(last) + n))
  const [outside, inside] = [`rkh${id}`, `rkn${id}`]
  ip('netns', 'add', name)
  // Deleting the namespace deletes its end of the pair, and with it the other.
  t.teardown(() => { spawnSync('ip', ['netns', 'del', name]) })
  ip('link', 'add', outside, 'type', 'veth', 'peer', 'name', inside)
  ip('link', 'set', inside, 'netns', name)
  ip('addr', 'add', `${address(1)}/30`, 'dev', outside)
  ip('link', 'set', outside, 'up')
  ip('netns', 'exec', name, 'ip', 'addr', 'add', `${address(2)}/30`, 'dev', inside)
  ip('netns', 'exec', name, 'ip', 'link', 'set', inside, 'up')
  ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up')
  return {
    name,
    hostAddress: address(1),
    peerAddress: address(2),
    wrap (dir, command) {
      const path = join(dir, `in-${name}`)
      writeFileSync(path, `#!/bin/sh\nexec ip netns exec ${name} ${command} "$@"\n`)
      chmodSync(path, 0o755)
      return path
    },
  }
}
