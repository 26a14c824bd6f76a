import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Teardown } from './test-database.js'

/** A private certificate authority and a server certificate it signed, as PEM files and text. */
export interface TestCertificates {
  /** The CA's certificate: what a client is told to trust (SMTP_CA_FILE). */
  caFile: string
  caPem: string
  /** The server's private key and certificate, for 127.0.0.1 and localhost. */
  key: string
  cert: string
}

/** P-256 keys: made in milliseconds, where RSA keys take a noticeable part of a second each. */
const NEW_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']

/**
 * A fresh private CA and a server certificate it signed (for IP 127.0.0.1 and DNS localhost,
 * valid one day), made by the `openssl` CLI in a temporary folder removed when the test ends. The
 * CA is in no trust store: a client trusts the server only when told to trust the CA.
 */
export function makeTestCertificates (t: Teardown): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'rekam-certs-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = (name: string) => join(dir, name)
  const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] })

  openssl(['req', '-x509', ...NEW_KEY, '-days', '1', '-subj', '/CN=rekam test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign',
    '-keyout', file('ca.key'), '-out', file('ca.crt')])
  openssl(['req', '-new', ...NEW_KEY, '-subj', '/CN=127.0.0.1', '-keyout', file('server.key'), '-out', file('server.csr')])
  writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n')
  openssl(['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-days', '1', '-extfile', file('server.ext'), '-out', file('server.crt')])

  return {
    caFile: file('ca.crt'),
    caPem: readFileSync(file('ca.crt'), 'utf8'),
    key: readFileSync(file('server.key'), 'utf8'),
    cert: readFileSync(file('server.crt'), 'utf8'),
  }
}
