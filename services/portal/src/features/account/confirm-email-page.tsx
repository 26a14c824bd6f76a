import { unwrap } from '@rekam/client'
import { useState } from 'react'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { useLinkToken } from '../../lib/link-token.js'
import { rekam } from '../../lib/rekam.js'
import { useSession } from '../../lib/session.js'

/**
 * Where the link mailed to a new address leads (`/confirm-email#token=…`), signed in or not, on
 * any device. Nothing changes until the person presses the button: a mail scanner that opens the
 * link confirms nothing.
 */
export function ConfirmEmailPage () {
  const { t } = useI18n()
  const { user } = useSession()
  const token = useLinkToken() ?? ''
  const [result, setResult] = useState<{ error?: unknown, email?: string }>({})

  async function confirm () {
    setResult({})
    try {
      const { email } = unwrap(await rekam.auth.POST('/api/auth/email/confirm', { body: { token } }))
      setResult({ email })
      // A signed-in tab shows the new address from now on.
      if (user) await rekam.resume().catch(() => {})
    } catch (error) {
      setResult({ error })
    }
  }

  return (
    <Page title={t('confirmEmail.title')}>
      <ErrorAlert error={result.error} />
      <Notice>{result.email && t('confirmEmail.done', { email: result.email })}</Notice>
      {!token && <p className='alert alert-error' role='alert'>{t('confirmEmail.missing')}</p>}
      {token && !result.email && (
        <div className='card'>
          <p>{t('confirmEmail.intro')}</p>
          <button type='button' className='primary' onClick={confirm}>{t('confirmEmail.submit')}</button>
        </div>
      )}
      {result.email && <p><Link to={user ? '/account' : '/sign-in'}>{t('confirmEmail.continue')}</Link></p>}
    </Page>
  )
}
