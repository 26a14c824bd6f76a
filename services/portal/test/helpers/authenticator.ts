/** Chromium's virtual authenticator (the DevTools protocol's WebAuthn domain) for a page. */
import type { Page } from 'playwright-core'

export interface VirtualAuthenticator {
  /** The credentials the authenticator holds (resident ones are passkeys). */
  credentials (): Promise<Array<{ credentialId: string, isResidentCredential: boolean }>>
  /** Whether the next ceremonies find the user verified (false: the authenticator refuses). */
  setUserVerified (isUserVerified: boolean): Promise<void>
}

/**
 * A platform authenticator that holds discoverable credentials and verifies its user at once (as
 * a fingerprint would): the browser's passkey dialogs answer without a person.
 */
export async function addVirtualAuthenticator (page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable', { enableUI: false })
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  })
  return {
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
    setUserVerified: async (isUserVerified) => { await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified }) },
  }
}
