/**
 * The real nginx running the portal alone as the Kubernetes portal pod does: the committed main
 * configuration (gateway/portal-only/nginx.conf) and template (gateway/portal-only/
 * default.conf.template), with the image's writable places (/tmp and the rendered configuration's
 * folder, emptyDirs in the pod) moved into a temporary folder of the test's.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Test } from 'tap'
import {
  ManagedProcess, baseEnv, freePort, portAnswers, renderTemplate, repoPath, tempDir, withAccessLog,
} from '@rekam/testing/e2e'

export const PORTAL_ONLY_MAIN = repoPath('gateway', 'portal-only', 'nginx.conf')
export const PORTAL_ONLY_TEMPLATE = repoPath('gateway', 'portal-only', 'default.conf.template')

/** The image's paths the main configuration names, and where the test puts each. */
const IMAGE_PATHS = ['/tmp/', '/etc/nginx/conf.d/', '/var/log/nginx/error.log'] as const

/** Every absolute path of a configuration (an argument starting with `/`). */
export function absolutePaths (config: string): string[] {
  return [...config.replace(/#.*$/gm, '').matchAll(/\s(\/[^\s;]*)/g)].map((m) => m[1]!)
}

export interface RunningPortal { url: string, errorLog (): string, accessLog (): string }

/**
 * Starts nginx with the committed portal-only files, the template rendered as the image's
 * entrypoint does: GATEWAY_PORT a free loopback port, PORTAL_ROOT the test's build. Its access log
 * goes to a file of the test's (the image's path is a link to stdout).
 */
export async function startPortalNginx (t: Test, nginxBin: string, portalRoot: string): Promise<RunningPortal> {
  const dir = tempDir(t, 'portal-nginx')
  // When the tests run as root, nginx's workers run as an unprivileged user.
  chmodSync(dir, 0o755)
  const places = { '/tmp/': join(dir, 'tmp') + '/', '/etc/nginx/conf.d/': join(dir, 'conf.d') + '/', '/var/log/nginx/error.log': join(dir, 'error.log') }
  for (const folder of [places['/tmp/'], places['/etc/nginx/conf.d/']]) {
    mkdirSync(folder)
    chmodSync(folder, 0o777)
  }
  let main = readFileSync(PORTAL_ONLY_MAIN, 'utf8')
  for (const path of absolutePaths(main)) {
    if (!IMAGE_PATHS.some((p) => path.startsWith(p))) throw new Error(`nginx.conf names ${path}, which the test does not place`)
  }
  for (const path of IMAGE_PATHS) main = main.replaceAll(path, places[path])
  writeFileSync(join(dir, 'nginx.conf'), main)

  const port = await freePort()
  const rendered = renderTemplate({ GATEWAY_PORT: `127.0.0.1:${port}`, PORTAL_ROOT: portalRoot }, readFileSync(PORTAL_ONLY_TEMPLATE, 'utf8'))
  writeFileSync(join(places['/etc/nginx/conf.d/'], 'default.conf'), withAccessLog(rendered, join(dir, 'access.log')))

  const proc = new ManagedProcess(t, 'nginx (portal)', nginxBin, ['-p', dir, '-e', places['/var/log/nginx/error.log'], '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { env: baseEnv() })
  const read = (file: string) => () => {
    try {
      return readFileSync(file, 'utf8')
    } catch {
      return ''
    }
  }
  const errorLog = read(places['/var/log/nginx/error.log'])
  try {
    await proc.waitFor(`port ${port} answering`, () => portAnswers(port), 15_000, 50)
  } catch (err) {
    throw new Error(`${(err as Error).message}\nnginx error.log:\n${errorLog()}`)
  }
  return { url: `http://127.0.0.1:${port}`, errorLog, accessLog: read(join(dir, 'access.log')) }
}
