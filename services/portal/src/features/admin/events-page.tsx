import { unwrap } from '@rekam/client'
import { useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Select } from '../../components/ui/field.js'
import { Loading } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { Pager } from '../../components/ui/pager.js'
import { EVENT_TYPES } from '../../lib/i18n/catalog.js'
import type { EventType } from '../../lib/i18n/codes.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useLoad } from '../../lib/use-load.js'

const LIMIT = 25

/** The security audit trail of auth-service, newest first, by type. */
export function EventsPage () {
  const { t, instant, eventText } = useI18n()
  const [params, setParams] = useSearchParams()
  const type = (params.get('type') ?? '') as EventType | ''
  const page = Number(params.get('page') ?? 1) || 1
  const events = useLoad(async () => unwrap(await rekam.auth.GET('/api/auth/events', {
    params: { query: { page, limit: LIMIT, ...(type ? { type } : {}) } },
  })), params.toString())
  return (
    <Page title={t('events.title')}>
      <div className='filters'>
        <Select label={t('events.type')} value={type} onChange={(e) => setParams(e.target.value ? { type: e.target.value } : {})}>
          <option value=''>{t('events.anyType')}</option>
          {EVENT_TYPES.map((ev) => <option key={ev} value={ev}>{eventText(ev)}</option>)}
        </Select>
      </div>
      <ErrorAlert error={events.error} />
      {events.loading && !events.data && <Loading />}
      {events.data && (
        <div className='table-wrap'>
          <table>
            <thead><tr><th scope='col'>{t('history.when')}</th><th scope='col'>{t('events.type')}</th><th scope='col'>{t('events.user')}</th><th scope='col'>{t('events.reason')}</th><th scope='col'>{t('history.ip')}</th></tr></thead>
            <tbody>
              {events.data.items.map((ev) => (
                <tr key={ev.id}>
                  <td>{instant(ev.createdAt)}</td>
                  <td>{eventText(ev.type)}</td>
                  <td><code>{ev.userId?.slice(0, 8) ?? '—'}</code></td>
                  <td>{ev.reason ?? '—'}</td>
                  <td>{ev.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {events.data && <Pager page={page} limit={LIMIT} total={events.data.total} onPage={(p) => setParams({ ...(type ? { type } : {}), page: String(p) })} />}
    </Page>
  )
}
