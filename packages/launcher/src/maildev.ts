import { createServer } from 'node:net'
import { MailDev } from 'maildev'

/** A free TCP port on `host` (the SMTP side of maildev: nobody types it). */
function freePort (host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen({ host, port: 0 }, () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface RunningMaildev {
  /** auth-service's SMTP_URL. */
  smtpUrl: string
  /** Where a developer reads the mail. */
  webUrl: string
  stop (): Promise<void>
}

/** Mails kept in memory at most: a long session of clicking through flows stays bounded. */
const MAX_EMAILS = 500

/**
 * maildev for development: an SMTP server on a free loopback port that keeps every mail rekam
 * sends, and its web view on `webPort` (MAILDEV_PORT). Nothing leaves the machine.
 * @see https://github.com/maildev/maildev
 */
export async function startMaildev ({ host, webPort }: { host: string, webPort: number }): Promise<RunningMaildev> {
  const smtpPort = await freePort(host)
  const maildev = new MailDev({ smtp: smtpPort, ip: host, web: webPort, webIp: host, silent: true, maxEmails: MAX_EMAILS })
  await maildev.start()
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    webUrl: `http://localhost:${webPort}/`,
    stop: () => maildev.stop(),
  }
}
