import { RekamApiError } from '@rekam/client'
import type { MessageKey } from '../../lib/i18n/en.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { isPasskeyCancelled, isPasskeyKnown } from '../../lib/webauthn.js'
import { ErrorAlert } from './error-alert.js'

/**
 * The API's codes whose general sentences speak of passwords and typed codes: in a passkey
 * ceremony they mean an unknown passkey, one that did not verify, or one registered already.
 */
const PASSKEY_CODES: Partial<Record<string, MessageKey>> = {
  INVALID_CREDENTIALS: 'passkey.unknown',
  MFA_CODE_INVALID: 'passkey.failed',
  CONFLICT: 'passkey.known',
}

/** A passkey ceremony's failure: the browser's dialog closed, a passkey already there, or the API's error. */
export function PasskeyError ({ error }: { error: unknown }) {
  const { t } = useI18n()
  if (!error) return null
  if (isPasskeyCancelled(error)) return <p className='alert alert-error' role='alert'>{t('passkey.cancelled')}</p>
  if (isPasskeyKnown(error)) return <p className='alert alert-error' role='alert'>{t('passkey.known')}</p>
  const key = error instanceof RekamApiError ? PASSKEY_CODES[error.code] : undefined
  if (key) return <p className='alert alert-error' role='alert' data-code={(error as RekamApiError).code}>{t(key)}</p>
  return <ErrorAlert error={error} />
}
