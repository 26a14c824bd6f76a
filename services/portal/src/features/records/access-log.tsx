import { unwrap } from '@rekam/client'
import { useState } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { AccessLogTable } from '../../components/ui/access-log-table.js'
import { Pager } from '../../components/ui/pager.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useLoad } from '../../lib/use-load.js'

const LIMIT = 10

/**
 * "Who opened my record": every read and change of the record, and every refused attempt (folded
 * per minute), with the purpose of each access; emergency reads are marked.
 */
export function AccessLog ({ recordId }: { recordId: string }) {
  const { t } = useI18n()
  const [page, setPage] = useState(1)
  const log = useLoad(async () => unwrap(await rekam.records.GET('/api/records/{id}/access-log', { params: { path: { id: recordId }, query: { page, limit: LIMIT } } })), `${recordId}-${page}`)
  const items = log.data?.items ?? []
  return (
    <section className='card' aria-labelledby='access-log-title'>
      <h2 id='access-log-title'>{t('record.accessLog')}</h2>
      <ErrorAlert error={log.error} />
      {log.data && items.length === 0 && <p>{t('record.accessEmpty')}</p>}
      {items.length > 0 && <AccessLogTable items={items} />}
      {log.data && <Pager page={page} limit={LIMIT} total={log.data.total} onPage={setPage} />}
    </section>
  )
}
