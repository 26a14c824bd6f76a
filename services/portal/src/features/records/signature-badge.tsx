import { verifyRecordSignature } from '@rekam/client'
import { useI18n } from '../../lib/i18n/provider.js'
import { useLoad } from '../../lib/use-load.js'
import { loadSigningKeys, type MedicalRecord } from './api.js'

/**
 * A final record's signature, checked here in the browser against the keys records-service
 * publishes: what the page shows is what was signed, whatever the server says of it.
 */
export function SignatureBadge ({ record }: { record: MedicalRecord }) {
  const { t } = useI18n()
  const check = useLoad(async () => verifyRecordSignature(record, await loadSigningKeys()), `${record.id}:${record.version}:${record.signature ?? ''}`)
  if (check.loading) return <span className='badge badge-muted' role='status'>{t('signature.checking')}</span>
  if (check.error || !check.data) return <span className='badge badge-warning' role='status'>{t('signature.unavailable')}</span>
  return check.data.valid
    ? <span className='badge' role='status'>{t('signature.verified', { kid: check.data.kid })}</span>
    : <span className='badge badge-danger' role='status' data-reason={check.data.reason}>{t('signature.mismatch')}</span>
}
