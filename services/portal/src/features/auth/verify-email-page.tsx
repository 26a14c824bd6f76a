import { unwrap } from '@rekam/client'
import { useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { ResendVerification } from '../../components/ui/resend-verification.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { useLinkToken } from '../../lib/link-token.js'
import { rekam } from '../../lib/rekam.js'
import { useSession } from '../../lib/session.js'

type State = { kind: 'working' } | { kind: 'done' } | { kind: 'failed', error?: unknown }

/** Where the mailed link lands: verifies the address once, then says so. Open signed in or not. */
export function VerifyEmailPage () {
  const { t } = useI18n()
  const { ready, user } = useSession()
  // Read from the fragment once, then out of the address bar and the history: the link is spent either way.
  const token = useLinkToken()
  const [state, setState] = useState<State>({ kind: 'working' })
  // The token works once: the verification runs once per page, whatever React re-runs.
  const started = useRef(false)

  useEffect(() => {
    if (started.current) return
    started.current = true
    if (!token) {
      setState({ kind: 'failed' })
      return
    }
    rekam.auth.POST('/api/auth/email/verify', { body: { token } }).then(unwrap).then(
      // A signed-in user's emailVerified changes: read the user again (no session: nothing to read).
      async () => { await rekam.resume().catch(() => null); setState({ kind: 'done' }) },
      (error: unknown) => setState({ kind: 'failed', error }),
    )
  }, [token])

  return (
    <Page title={t('verifyEmail.title')}>
      <div className='card narrow'>
        {state.kind === 'working' && <Loading />}
        {state.kind === 'done' && <Notice>{t('verifyEmail.done')}</Notice>}
        {state.kind === 'failed' && (state.error ? <ErrorAlert error={state.error} /> : <p>{t('verifyEmail.noToken')}</p>)}
        {state.kind === 'failed' && ready && <ResendVerification signedIn={user !== null} />}
        {state.kind !== 'working' && (user
          ? <p><Link to='/'>{t('verifyEmail.continue')}</Link></p>
          : <p><Link to='/sign-in'>{t('verifyEmail.signIn')}</Link></p>)}
      </div>
    </Page>
  )
}
