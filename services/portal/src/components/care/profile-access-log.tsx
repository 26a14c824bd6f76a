import { unwrap } from '@rekam/client'
import { useState } from 'react'
import { AccessLogTable } from '../ui/access-log-table.js'
import { ErrorAlert } from '../ui/error-alert.js'
import { Pager } from '../ui/pager.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useLoad } from '../../lib/use-load.js'

const LIMIT = 10

/**
 * "Who opened my profile": the patient's own (no `patientId`), or a patient's for an admin; each
 * read and change with its purpose, emergency reads marked, refusals as "someone was refused".
 */
export function ProfileAccessLog ({ patientId }: { patientId?: string }) {
  const { t } = useI18n()
  const [page, setPage] = useState(1)
  const query = { page, limit: LIMIT }
  const log = useLoad(async () => patientId
    ? unwrap(await rekam.records.GET('/api/patients/{id}/access-log', { params: { path: { id: patientId }, query } }))
    : unwrap(await rekam.records.GET('/api/patients/me/access-log', { params: { query } })), `profile-log-${patientId ?? 'me'}-${page}`)
  const items = log.data?.items ?? []
  const title = patientId ? t('profile.accessLogStaff') : t('profile.accessLog')
  return (
    <section className='card' aria-labelledby='profile-log-title'>
      <h2 id='profile-log-title'>{title}</h2>
      <ErrorAlert error={log.error} />
      {log.data && items.length === 0 && <p>{t('profile.accessEmpty')}</p>}
      {items.length > 0 && <AccessLogTable items={items} />}
      {log.data && <Pager page={page} limit={LIMIT} total={log.data.total} onPage={setPage} />}
    </section>
  )
}
