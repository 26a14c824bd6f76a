import { unwrap } from '@rekam/client'
import { useState } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Loading } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { Pager } from '../../components/ui/pager.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useLoad } from '../../lib/use-load.js'
import { deviceName } from './device.js'

const LIMIT = 20

/** The user's own sign-ins and failed attempts. */
export function HistoryPage () {
  const { t, instant, eventText } = useI18n()
  const [page, setPage] = useState(1)
  const history = useLoad(async () => unwrap(await rekam.auth.GET('/api/auth/login-history', { params: { query: { page, limit: LIMIT } } })), `history-${page}`)
  const items = history.data?.items ?? []
  return (
    <Page title={t('history.title')}>
      <ErrorAlert error={history.error} />
      {history.loading && !history.data && <Loading />}
      {history.data && items.length === 0 && <p>{t('history.empty')}</p>}
      {items.length > 0 && (
        <div className='table-wrap'>
          <table>
            <thead><tr><th scope='col'>{t('history.when')}</th><th scope='col'>{t('history.event')}</th><th scope='col'>{t('history.device')}</th><th scope='col'>{t('history.ip')}</th></tr></thead>
            <tbody>
              {items.map((event) => (
                <tr key={event.id}>
                  <td>{instant(event.createdAt)}</td>
                  <td>{eventText(event.type)}</td>
                  <td>{deviceName(event.userAgent) ?? '—'}</td>
                  <td>{event.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {history.data && <Pager page={page} limit={LIMIT} total={history.data.total} onPage={setPage} />}
    </Page>
  )
}
