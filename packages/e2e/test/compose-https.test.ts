/**
 * docker-compose.https.yml, checked without Docker: it gives the gateway what
 * gateway/https/tls.inc.template needs where the nginx image and the main template look for it.
 * The listener itself is tested with the real nginx in gateway-https.test.ts.
 */
import { readFileSync } from 'node:fs'
import { posix } from 'node:path'
import t from 'tap'
import { parse } from 'yaml'
import { GATEWAY_TEMPLATE, repoPath } from '@rekam/testing/e2e'

interface Gateway { environment?: Record<string, string | number>, volumes?: string[], ports?: string[] }
const override = parse(readFileSync(repoPath('docker-compose.https.yml'), 'utf8')) as { services: Record<string, Gateway> }
const gateway = override.services.gateway!
const tlsTemplate = readFileSync(repoPath('gateway', 'https', 'tls.inc.template'), 'utf8')
/** `${VAR:-default}` as compose reads it with nothing set. */
const byDefault = (text: string) => text.replace(/\$\{\w+:-([^}]*)\}/g, '$1')
const mounts = (gateway.volumes ?? []).map((v) => {
  const [source = '', target = ''] = byDefault(v).split(':')
  return { source, target }
})

t.test('only the gateway changes', async (t) => {
  t.strictSame(Object.keys(override.services), ['gateway'])
})

t.test('the TLS template is rendered where the main template includes it', async (t) => {
  const mount = mounts.find((m) => m.source === './gateway/https/tls.inc.template')
  t.ok(mount, 'the committed template is mounted')
  // The image renders /etc/nginx/templates/<name>.template to /etc/nginx/conf.d/<name>.
  t.match(mount?.target ?? '', /^\/etc\/nginx\/templates\/[\w.-]+\.inc\.template$/, 'into the image\'s template folder')
  t.match(readFileSync(GATEWAY_TEMPLATE, 'utf8'), /^\s*include conf\.d\/\*\.inc;$/m, 'the server block includes conf.d/*.inc (relative to /etc/nginx)')
  for (const name of [...tlsTemplate.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!)) {
    t.ok(gateway.environment && name in gateway.environment, `${name}, which the template reads, is set`)
  }
})

t.test('the certificate and key are mounted where the template reads them', async (t) => {
  for (const directive of ['ssl_certificate', 'ssl_certificate_key']) {
    const path = new RegExp(`^${directive} ([^;]+);$`, 'm').exec(tlsTemplate)?.[1] ?? ''
    const inImage = posix.isAbsolute(path) ? path : posix.join('/etc/nginx', path)
    const mount = mounts.find((m) => m.target === inImage)
    t.ok(mount, `${directive} ${inImage} is mounted`)
    t.match(mount?.source ?? '', /^\.\/secrets\//, 'from secrets/ by default (kept out of git and images)')
  }
})

t.test('the host port is published to the TLS listener, and redirects name it', async (t) => {
  const env = gateway.environment ?? {}
  const published = byDefault(String(env.GATEWAY_HTTPS_PUBLISHED_PORT))
  t.ok(gateway.ports?.some((p) => byDefault(p) === `${published}:${env.GATEWAY_HTTPS_PORT}`), `${published} on the host -> ${env.GATEWAY_HTTPS_PORT} in the container`)
  t.match(tlsTemplate, /return 308 https:\/\/\$host:\$\{GATEWAY_HTTPS_PUBLISHED_PORT\}\$request_uri;/)
})
