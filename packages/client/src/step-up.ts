/** What an operation answered `401 STEP_UP_REQUIRED` asks for (RFC 9470's challenge). */
export interface StepUpChallenge {
  /** The acceptable assurance levels (`['urn:rekam:aal2']`); empty when none is named. */
  acrValues: string[]
  /** The most seconds since the sign-in the operation accepts, when it names one. */
  maxAge?: number
}

// An auth-param: a token name, then a quoted string (with \-escapes) or a bare token.
const PARAM = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))/g

/**
 * The challenge of a `WWW-Authenticate: Bearer error="insufficient_user_authentication", ...`
 * header; when the header is absent or unreadable (a cross-origin answer that does not expose
 * it), an empty challenge: the error code alone still says a step-up is needed.
 * @see https://www.rfc-editor.org/rfc/rfc9470#section-3
 */
export function stepUpChallenge (header: string | null): StepUpChallenge {
  const params = new Map<string, string>()
  for (const [, name, quoted, bare] of (header ?? '').matchAll(PARAM)) {
    params.set(name!.toLowerCase(), quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : bare ?? '')
  }
  const acrValues = params.get('acr_values')?.split(' ').filter(Boolean) ?? []
  const maxAge = params.get('max_age')
  return /^\d+$/.test(maxAge ?? '') ? { acrValues, maxAge: Number(maxAge) } : { acrValues }
}
