import { unwrap } from '@rekam/client'
import { useState } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Pager } from '../../components/ui/pager.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useUser } from '../../lib/session.js'
import { useLoad } from '../../lib/use-load.js'

const LIMIT = 10

/** "Who opened my record": every read and change of the record, newest first. */
export function AccessLog ({ recordId }: { recordId: string }) {
  const { t, instant } = useI18n()
  const user = useUser()
  const [page, setPage] = useState(1)
  const log = useLoad(async () => unwrap(await rekam.records.GET('/api/records/{id}/access-log', { params: { path: { id: recordId }, query: { page, limit: LIMIT } } })), `${recordId}-${page}`)
  const items = log.data?.items ?? []
  return (
    <section className='card' aria-labelledby='access-log-title'>
      <h2 id='access-log-title'>{t('record.accessLog')}</h2>
      <ErrorAlert error={log.error} />
      {log.data && items.length === 0 && <p>{t('record.accessEmpty')}</p>}
      {items.length > 0 && (
        <div className='table-wrap'>
          <table>
            <thead><tr><th scope='col'>{t('record.accessWhen')}</th><th scope='col'>{t('record.accessWho')}</th><th scope='col'>{t('record.accessAction')}</th></tr></thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td>{instant(entry.at)}</td>
                  <td>{entry.actorUserId === user.id ? t('record.accessYou') : t(`role.${entry.actorRole}`)}</td>
                  <td>{t(`action.${entry.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.data && <Pager page={page} limit={LIMIT} total={log.data.total} onPage={setPage} />}
    </section>
  )
}
