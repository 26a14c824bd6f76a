import { Link, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Loading } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { Pager } from '../../components/ui/pager.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { useLoad } from '../../lib/use-load.js'
import { loadPendingRequests } from './api.js'

const LIMIT = 25

/** The patients' requests waiting for a decision: a doctor's on the records they wrote, every one for an admin. */
export function AmendmentQueuePage () {
  const { t, instant } = useI18n()
  const [params, setParams] = useSearchParams()
  const page = Number(params.get('page') ?? 1) || 1
  const pending = useLoad(async () => loadPendingRequests(page, LIMIT), params.toString())
  const items = pending.data?.items ?? []
  return (
    <Page title={t('queue.title')}>
      <p>{t('queue.intro')}</p>
      <ErrorAlert error={pending.error} />
      {pending.loading && !pending.data && <Loading />}
      {pending.data && items.length === 0 && <p>{t('queue.empty')}</p>}
      {items.length > 0 && (
        <div className='table-wrap'>
          <table>
            <thead>
              <tr>
                <th scope='col'>{t('queue.asked')}</th>
                <th scope='col'>{t('queue.request')}</th>
                <th scope='col'>{t('queue.record')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>{instant(r.createdAt)}</td>
                  <td className='request-text'>{r.text}</td>
                  <td><Link to={`/records/${r.recordId}`}>{t('queue.open')}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pending.data && <Pager page={page} limit={LIMIT} total={pending.data.total} onPage={(p) => setParams({ page: String(p) })} />}
    </Page>
  )
}
