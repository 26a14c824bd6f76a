import { unwrap } from '@rekam/client'
import { Link, useSearchParams } from 'react-router'
import { useRefusalReason } from '../../components/ui/access-log-table.js'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Loading } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { Pager } from '../../components/ui/pager.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useLoad } from '../../lib/use-load.js'

const LIMIT = 25

/** Every 403 on a patient or a record, newest first; identical refusals within a minute are one row with a count. */
export function RefusalsPage () {
  const { t, instant } = useI18n()
  const [params, setParams] = useSearchParams()
  const page = Number(params.get('page') ?? 1) || 1
  const refusals = useLoad(async () => unwrap(await rekam.records.GET('/api/audit/refusals', { params: { query: { page, limit: LIMIT } } })), params.toString())
  const items = refusals.data?.items ?? []
  const reasonText = useRefusalReason()
  return (
    <Page title={t('refusals.title')}>
      <p>{t('refusals.intro')}</p>
      <ErrorAlert error={refusals.error} />
      {refusals.loading && !refusals.data && <Loading />}
      {refusals.data && items.length === 0 && <p>{t('refusals.empty')}</p>}
      {items.length > 0 && (
        <div className='table-wrap'>
          <table>
            <thead>
              <tr>
                <th scope='col'>{t('refusals.when')}</th>
                <th scope='col'>{t('refusals.actor')}</th>
                <th scope='col'>{t('refusals.action')}</th>
                <th scope='col'>{t('refusals.target')}</th>
                <th scope='col'>{t('refusals.reason')}</th>
                <th scope='col'>{t('refusals.count')}</th>
                <th scope='col'>{t('refusals.request')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>{instant(r.at)}{r.lastAt && r.lastAt !== r.at && <><br /><small>– {instant(r.lastAt)}</small></>}</td>
                  <td>{t(`role.${r.actorRole}`)}<br /><code>{r.actorUserId?.slice(0, 8) ?? '—'}</code></td>
                  <td>{t(`action.${r.action}`)}</td>
                  <td>
                    {r.target === 'RECORD'
                      ? <Link to={`/records/${r.targetId}`}>{t('refusals.target.RECORD')}</Link>
                      : <Link to={`/records?patientId=${r.targetId}`}>{t('refusals.target.PATIENT')}</Link>}
                  </td>
                  <td>{reasonText(r.reason)}</td>
                  <td>{r.count}</td>
                  <td><code>{r.requestId ?? '—'}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {refusals.data && <Pager page={page} limit={LIMIT} total={refusals.data.total} onPage={(p) => setParams({ page: String(p) })} />}
    </Page>
  )
}
