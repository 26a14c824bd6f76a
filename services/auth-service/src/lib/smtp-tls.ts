import { readFileSync } from 'node:fs'
import { rootCertificates } from 'node:tls'
import { StartupError } from '@rekam/errors'

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/**
 * The CAs an SMTP server's certificate may chain to with SMTP_CA_FILE set: Node's public ones and
 * the file's (PEM, one or more certificates), so a private CA is trusted without distrusting the
 * public ones. Read once at start; a missing, unreadable or empty file stops the start with one
 * line naming the variable.
 */
export function smtpCertificateAuthorities (path: string): string[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'unreadable'
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied for this user' : code
    throw new StartupError(`cannot read SMTP_CA_FILE=${path} (${reason})`)
  }
  const own = text.match(PEM_CERTIFICATE)
  if (!own) throw new StartupError(`SMTP_CA_FILE=${path} holds no PEM certificate`)
  return [...rootCertificates, ...own]
}
