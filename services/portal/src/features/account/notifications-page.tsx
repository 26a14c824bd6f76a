import { unwrap, type AuthPaths } from '@rekam/client'
import { Fragment, useState } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { Pager } from '../../components/ui/pager.js'
import type { MessageKey } from '../../lib/i18n/en.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { announceUnread } from '../../lib/unread.js'
import { useLoad } from '../../lib/use-load.js'

type NotificationPage = AuthPaths['/api/auth/notifications']['get']['responses'][200]['content']['application/json']['data']
type Notification = NotificationPage['items'][number]
type Details = Notification['details']

const LIMIT = 20

/** The details a notification carries, each with its label; dates in the reader's format. */
const FACTS: Array<[keyof Details, MessageKey]> = [
  ['device', 'notifications.device'],
  ['ip', 'notifications.ip'],
  ['factor', 'notifications.factor'],
  ['oldEmail', 'notifications.from'],
  ['newEmail', 'notifications.to'],
  ['effectiveAt', 'notifications.effectiveAt'],
]

function Facts ({ details }: { details: Details }) {
  const { t, instant } = useI18n()
  const shown = FACTS.filter(([key]) => details[key])
  if (shown.length === 0) return null
  return (
    <dl className='facts'>
      {shown.map(([key, label]) => (
        <Fragment key={key}>
          <dt>{t(label)}</dt><dd>{key === 'effectiveAt' ? instant(details[key]!) : details[key]}</dd>
        </Fragment>
      ))}
    </dl>
  )
}

/** What happened to the account, newest first; unread ones marked, read one or all. */
export function NotificationsPage () {
  const { t, instant } = useI18n()
  const [page, setPage] = useState(1)
  const list = useLoad(async () => unwrap(await rekam.auth.GET('/api/auth/notifications', { params: { query: { page, limit: LIMIT } } })), `notifications:${page}`)
  const [result, setResult] = useState<{ error?: unknown, notice?: string }>({})

  async function markRead (ids?: string[]) {
    setResult({})
    try {
      const { unread } = unwrap(await rekam.auth.POST('/api/auth/notifications/read', { body: ids ? { ids } : {} }))
      announceUnread(unread)
      setResult(ids ? {} : { notice: t('notifications.allRead') })
      list.reload()
    } catch (error) {
      setResult({ error })
    }
  }

  const unread = list.data?.unread ?? 0
  return (
    <Page title={t('notifications.title')} actions={unread > 0 ? <button type='button' onClick={() => markRead()}>{t('notifications.markAll')}</button> : undefined}>
      <p>{t('notifications.intro')}</p>
      <ErrorAlert error={result.error ?? list.error} />
      <Notice>{result.notice}</Notice>
      {list.loading && !list.data && <Loading />}
      {list.data?.items.length === 0 && <p>{t('notifications.empty')}</p>}
      <ul className='cards'>
        {list.data?.items.map((item) => (
          <li key={item.id} className={item.readAt ? 'card' : 'card unread'}>
            <h2 className='card-title' id={`notification-${item.id}`}>
              {t(`notifications.type.${item.type}`)}
              {!item.readAt && <span className='badge'>{t('notifications.new')}</span>}
            </h2>
            <p><time dateTime={item.createdAt}>{instant(item.createdAt)}</time></p>
            <Facts details={item.details} />
            {!item.readAt && <button type='button' aria-describedby={`notification-${item.id}`} onClick={() => markRead([item.id])}>{t('notifications.markRead')}</button>}
          </li>
        ))}
      </ul>
      {list.data && <Pager page={page} limit={LIMIT} total={list.data.total} onPage={setPage} />}
    </Page>
  )
}
