import { useI18n } from '../../lib/i18n/provider.js'
import type { MedicalRecord } from './api.js'

/** The record's content and parties. */
export function RecordFacts ({ record: r }: { record: MedicalRecord }) {
  const { t, day, instant } = useI18n()
  return (
    <dl className='facts'>
      <dt>{t('records.visitDate')}</dt><dd>{day(r.visitDate)}</dd>
      {r.patient && <><dt>{t('records.patient')}</dt><dd>{r.patient.fullName}</dd></>}
      <dt>{t('records.doctor')}</dt><dd>{r.doctor.fullName} · {r.doctor.specialization}</dd>
      <dt>{t('records.complaint')}</dt><dd>{r.complaint}</dd>
      <dt>{t('records.diagnosis')}</dt><dd>{r.diagnosis}</dd>
      <dt>{t('records.treatment')}</dt><dd>{r.treatment}</dd>
      {r.prescription && <><dt>{t('records.prescription')}</dt><dd>{r.prescription}</dd></>}
      {r.notes && <><dt>{t('records.notes')}</dt><dd>{r.notes}</dd></>}
      <dt>{t('record.created')}</dt><dd>{instant(r.createdAt)}</dd>
      <dt>{t('record.updated')}</dt><dd>{instant(r.updatedAt)}</dd>
    </dl>
  )
}
