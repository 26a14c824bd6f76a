import { useI18n } from '../../lib/i18n/provider.js'
import { isPasskeyCancelled, isPasskeyKnown } from '../../lib/webauthn.js'
import { ErrorAlert } from './error-alert.js'

/** A passkey ceremony's failure: the browser's dialog closed, a passkey already there, or the API's error. */
export function PasskeyError ({ error }: { error: unknown }) {
  const { t } = useI18n()
  if (!error) return null
  if (isPasskeyCancelled(error)) return <p className='alert alert-error' role='alert'>{t('passkey.cancelled')}</p>
  if (isPasskeyKnown(error)) return <p className='alert alert-error' role='alert'>{t('passkey.known')}</p>
  return <ErrorAlert error={error} />
}
