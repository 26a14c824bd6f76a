import { unwrap } from '@rekam/client'
import { useState } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useStepUp } from '../../lib/step-up.js'
import { useLoad } from '../../lib/use-load.js'
import { deviceName } from './device.js'

/** The user's live sessions: end one, or every other. */
export function SessionsPage () {
  const { t, instant } = useI18n()
  const sessions = useLoad(async () => unwrap(await rekam.auth.GET('/api/auth/sessions')).items, 'sessions')
  const [result, setResult] = useState<{ error?: unknown, notice?: string }>({})
  const withStepUp = useStepUp()

  async function act (run: () => Promise<unknown>, notice: string) {
    setResult({})
    try {
      // Ending another session needs a recent sign-in.
      await withStepUp(run)
      setResult({ notice })
      sessions.reload()
    } catch (error) {
      setResult({ error })
    }
  }
  const revoke = (id: string) => act(async () => unwrap(await rekam.auth.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } })), t('sessions.revoked'))
  const others = () => act(() => rekam.signOut('others'), t('sessions.othersSignedOut'))
  // Every session, this one too (step-up); then this tab forgets it, and the sign-in page says so.
  const everywhere = () => act(async () => {
    unwrap(await rekam.auth.POST('/api/auth/logout-all'))
    await rekam.signOut().catch(() => {})
  }, t('sessions.allSignedOut'))

  return (
    <Page title={t('sessions.title')} actions={<div className='actions'><button type='button' onClick={others}>{t('sessions.signOutOthers')}</button><button type='button' className='danger' onClick={everywhere}>{t('sessions.signOutEverywhere')}</button></div>}>
      <p>{t('sessions.intro')}</p>
      <ErrorAlert error={result.error ?? sessions.error} />
      <Notice>{result.notice}</Notice>
      {sessions.loading && !sessions.data && <Loading />}
      <ul className='cards'>
        {sessions.data?.map((session) => (
          <li key={session.id} className='card'>
            <h2 className='card-title'>
              {deviceName(session.userAgent) ?? t('sessions.unknownDevice')}
              {session.current && <span className='badge'>{t('sessions.current')}</span>}
            </h2>
            <dl className='facts'>
              <dt>{t('sessions.started')}</dt><dd>{instant(session.createdAt)}</dd>
              <dt>{t('sessions.lastUsed')}</dt><dd>{instant(session.lastUsedAt)}</dd>
              <dt>{t('sessions.ip')}</dt><dd>{session.ip ?? '—'}</dd>
            </dl>
            {!session.current && <button type='button' onClick={() => revoke(session.id)}>{t('sessions.revoke')}</button>}
          </li>
        ))}
      </ul>
    </Page>
  )
}
