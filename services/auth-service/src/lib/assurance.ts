/** Authentication assurance levels as the access token's `acr` names them. */
export const AAL1 = 'urn:rekam:aal1'
export const AAL2 = 'urn:rekam:aal2'
export type Acr = typeof AAL1 | typeof AAL2

/**
 * How a session's user proved who they are: RFC 8176 method values (`pwd` password, `otp` a
 * one-time code: TOTP or a recovery code, `hwk` + `user` a passkey with user verification), the
 * level they reach and when. A refresh carries them over unchanged; only a sign-in or a step-up
 * sets them.
 */
export interface SessionAssurance {
  amr: string[]
  acr: string
  authTime: Date
}

/** The methods that are a second factor (or, for a passkey, two in one). */
const STRONG_METHODS = new Set(['otp', 'hwk'])

/** aal2 when a second factor or a passkey was used, aal1 for a password alone. */
export function acrFor (amr: readonly string[]): Acr {
  return amr.some((method) => STRONG_METHODS.has(method)) ? AAL2 : AAL1
}

/** The assurance of a sign-in made now with these methods (duplicates dropped, order kept). */
export function assuranceFrom (amr: readonly string[], at: Date): SessionAssurance {
  const methods = [...new Set(amr)]
  return { amr: methods, acr: acrFor(methods), authTime: at }
}
