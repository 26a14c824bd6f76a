/**
 * The stack of the canary tests (log-leak*.test.ts): both services at the most verbose log level
 * they allow, behind the real nginx with its access log, and a mail server (the links it carries
 * are secrets like the tokens); and the search of everything they wrote.
 */
import { generateKeyPairSync } from 'node:crypto'
import type { Test } from 'tap'
import { ensureBuilt, startNginx, startServices, type RunningNginx, type RunningService } from '@rekam/testing/e2e'
import { startMailServer, type MailServer } from '@rekam/testing/mail'

export interface CanaryStack {
  auth: RunningService
  records: RunningService
  gateway: RunningNginx
  mailServer: MailServer
  /** auth-service's signing key: a secret, and the key to mint an expired token with. */
  privatePem: string
}

/** The stack, started in `t.before` (its fields are set once it has started). */
export function canaryStack (t: Test, nginxBin: string | undefined): CanaryStack {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const stack = { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() } as CanaryStack
  t.before(async () => {
    for (const note of ensureBuilt()) t.comment(note)
    stack.mailServer = await startMailServer(t)
    ;({ auth: stack.auth, records: stack.records } = await startServices(t, {
      // trace: the most a deployment could ever log. No refresh grace, so a replay is reuse at once.
      auth: { LOG_LEVEL: 'trace', REFRESH_GRACE_SECONDS: '0', JWT_PRIVATE_KEY: stack.privatePem, SMTP_URL: stack.mailServer.url },
      records: { LOG_LEVEL: 'trace' },
    }))
    stack.gateway = await startNginx(t, { auth: `127.0.0.1:${stack.auth.port}`, records: `127.0.0.1:${stack.records.port}` }, nginxBin, { accessLog: true })
  })
  return stack
}

/** Everything the services and nginx wrote, by name. */
export async function writtenLogs ({ auth, records, gateway }: CanaryStack): Promise<Array<[string, string]>> {
  await new Promise((resolve) => setTimeout(resolve, 300))
  return [
    ['auth-service', auth.process.output],
    ['records-service', records.process.output],
    ['nginx error.log', gateway.errorLog()],
    ['nginx access.log', gateway.accessLog()],
  ]
}

/** No secret, bearer value or bcrypt hash in any of the logs. */
export function expectNoLeaks (t: Test, secrets: Map<string, string>, logs: Array<[string, string]>): void {
  t.comment(`searched ${logs.map(([name, text]) => `${name}: ${text.split('\n').length} lines`).join(', ')}`)
  for (const [name, text] of logs) {
    const leaked = [...secrets].filter(([, value]) => text.includes(value)).map(([label]) => label)
    t.strictSame(leaked, [], `${name}: no password, token, token signature or key`)
    // A value: eight characters or more (a message's "bearer access token" is words, not one).
    t.notMatch(text, /Bearer\s+[\w-]{8}/i, `${name}: no bearer value`)
    t.notMatch(text, /\$2[aby]\$\d{2}\$/, `${name}: no bcrypt hash`)
  }
}
