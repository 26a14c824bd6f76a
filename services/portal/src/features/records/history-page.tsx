import { Link, useParams } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Loading } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { useLoad } from '../../lib/use-load.js'
import { loadHistory, type RecordVersion } from './api.js'
import { RequestList } from './request-list.js'
import { VersionChanges, VersionContent } from './version-changes.js'

/** Every version of a record, oldest first, each with what changed from the one before; then the patient's requests. */
export function HistoryPage () {
  const { t } = useI18n()
  const id = useParams().id!
  const history = useLoad(async () => loadHistory(id), `history-${id}`)
  const versions = history.data?.versions ?? []
  return (
    <Page title={t('versions.title')}>
      <p><Link to={`/records/${id}`}>{t('versions.back')}</Link></p>
      <p>{t('versions.intro')}</p>
      <ErrorAlert error={history.error} />
      {history.loading && !history.data && <Loading />}
      {versions.length > 0 && (
        <ol className='versions'>
          {versions.map((v, i) => <VersionItem key={v.version} version={v} previous={versions[i - 1]} />)}
        </ol>
      )}
      {history.data && (
        <section aria-labelledby='history-requests'>
          <h2 id='history-requests'>{t('requests.title')}</h2>
          <RequestList requests={history.data.amendmentRequests} />
        </section>
      )}
    </Page>
  )
}

function VersionItem ({ version: v, previous }: { version: RecordVersion, previous: RecordVersion | undefined }) {
  const { t, instant } = useI18n()
  return (
    <li className='card version'>
      <h2 className='card-title'>
        {t('versions.version', { version: v.version })} · {t(`versions.kind.${v.kind}`)}
        {v.signature && <span className='badge'>{t('versions.signedMark')}</span>}
        {v.amendsVersion && <span className='badge badge-muted'>{t('versions.amends', { version: v.amendsVersion })}</span>}
        {v.amendmentRequestId && <span className='badge badge-muted'>{t('versions.fromRequest')}</span>}
      </h2>
      <dl className='facts'>
        <dt>{t('versions.by')}</dt><dd>{t(`role.${v.changedBy.role}`)}</dd>
        <dt>{t('versions.when')}</dt><dd>{instant(v.changedAt)}</dd>
        {v.reason && <><dt>{t('versions.reason')}</dt><dd>{v.reason}</dd></>}
      </dl>
      {previous
        ? <VersionChanges before={previous.content} after={v.content} caption={t('versions.changes', { version: previous.version })} />
        : <VersionContent content={v.content} />}
    </li>
  )
}
