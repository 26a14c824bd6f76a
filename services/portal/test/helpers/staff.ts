/** Staff through the API: a demo account signed in, a doctor the demo admin invites (with the password its mailed link sets). */
import { createRekamClient, unwrap } from '@rekam/client'
import { DEMO } from '@rekam/testing/e2e'
import { linkToken } from '@rekam/testing/mail'
import { nextTotpCode } from './sign-in.js'
import type { PortalStack } from './stack.js'

/** A demo staff account signed in through the API, with its authenticator's code as the second step. */
export async function staffClient (stack: Pick<PortalStack, 'url'>, account: { email: string, password: string }) {
  const client = createRekamClient({ baseUrl: stack.url, delivery: 'body' })
  const step = await client.signIn({ email: account.email, password: account.password })
  if (!('ticket' in step)) throw new Error(`${account.email} signed in without a second step`)
  await client.verifyMfa({ ticket: step.ticket, method: 'totp', code: nextTotpCode(account.email) })
  return client
}

export async function createDoctor (stack: Pick<PortalStack, 'url' | 'mail'>, username: string, fullName: string): Promise<{ email: string, password: string }> {
  const admin = await staffClient(stack, DEMO.admin)
  const email = `${username}@rekam.local`
  unwrap(await admin.auth.POST('/api/users', { body: { username, email, fullName, role: 'DOCTOR' } }))
  const token = linkToken(await stack.mail.next(email), '/set-password')
  const password = `${username}-first-password-1`
  unwrap(await admin.auth.POST('/api/auth/set-password', { body: { token, password } }))
  await admin.signOut()
  return { email, password }
}
