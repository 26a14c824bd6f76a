/** A staff account the demo admin invites through the API, with the password its mailed link sets. */
import { createRekamClient, unwrap } from '@rekam/client'
import { DEMO } from '@rekam/testing/e2e'
import { linkToken } from '@rekam/testing/mail'
import { nextTotpCode } from './sign-in.js'
import type { PortalStack } from './stack.js'

export async function createDoctor (stack: Pick<PortalStack, 'url' | 'mail'>, username: string, fullName: string): Promise<{ email: string, password: string }> {
  const admin = createRekamClient({ baseUrl: stack.url, delivery: 'body' })
  const step = await admin.signIn({ email: DEMO.admin.email, password: DEMO.admin.password })
  if (!('ticket' in step)) throw new Error('the demo admin signed in without a second step')
  await admin.verifyMfa({ ticket: step.ticket, method: 'totp', code: nextTotpCode(DEMO.admin.email) })
  const email = `${username}@rekam.local`
  unwrap(await admin.auth.POST('/api/users', { body: { username, email, fullName, role: 'DOCTOR' } }))
  const token = linkToken(await stack.mail.next(email), '/set-password')
  const password = `${username}-first-password-1`
  unwrap(await admin.auth.POST('/api/auth/set-password', { body: { token, password } }))
  await admin.signOut()
  return { email, password }
}
