import type { Config } from '../config.js'

/** Who passkeys are registered with, and where their ceremonies may come from. */
export interface RelyingParty {
  /** The RP ID: the host name credentials are scoped to. */
  id: string
  /** What the authenticator shows the user. */
  name: string
  /** Every origin whose clientDataJSON is accepted. */
  origins: string[]
}

/**
 * The relying party from the config: PUBLIC_URL is the address users open, so its host name is
 * the RP ID and its origin the one origin, unless WEBAUTHN_RP_ID / WEBAUTHN_ORIGINS say otherwise
 * (a gateway on several host names, a portal served apart).
 */
export function relyingParty (config: Pick<Config, 'PUBLIC_URL' | 'WEBAUTHN_RP_ID' | 'WEBAUTHN_ORIGINS' | 'MFA_ISSUER'>): RelyingParty {
  const publicUrl = new URL(config.PUBLIC_URL)
  return {
    id: config.WEBAUTHN_RP_ID ?? publicUrl.hostname,
    name: config.MFA_ISSUER,
    origins: config.WEBAUTHN_ORIGINS ? config.WEBAUTHN_ORIGINS.split(',').map((origin) => new URL(origin).origin) : [publicUrl.origin],
  }
}
