import { useI18n } from '../../lib/i18n/provider.js'
import type { MedicalRecord } from './api.js'
import { SignatureBadge } from './signature-badge.js'

const STATUS_CLASS: Record<MedicalRecord['status'], string> = {
  draft: 'badge badge-muted',
  final: 'badge',
  'entered-in-error': 'badge badge-danger',
}

/** Where the record stands: draft, final (its signature checked here) or entered in error (why). */
export function RecordStatus ({ record }: { record: MedicalRecord }) {
  const { t, instant } = useI18n()
  return (
    <dl className='facts record-status'>
      <dt>{t('record.status')}</dt>
      <dd>
        <span className={STATUS_CLASS[record.status]}>{t(`record.status.${record.status}`)}</span>
        {record.status === 'final' && <SignatureBadge record={record} />}
      </dd>
      <dt>{t('record.version')}</dt><dd>{record.version}</dd>
      {record.signedAt && <><dt>{t('record.signedAt')}</dt><dd>{instant(record.signedAt)}</dd></>}
      {record.status === 'entered-in-error' && record.errorReason && <><dt>{t('record.errorReason')}</dt><dd>{record.errorReason}</dd></>}
    </dl>
  )
}
