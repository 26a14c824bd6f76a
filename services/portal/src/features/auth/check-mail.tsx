import { Link } from 'react-router'
import { Page } from '../../components/ui/page.js'
import { ResendVerification } from '../../components/ui/resend-verification.js'
import { useI18n } from '../../lib/i18n/provider.js'

interface Props {
  /** The address: where the link just went (`sent`), or the one typed at sign-in. */
  email?: string | undefined
  /** A link was just mailed to `email` (right after registering). */
  sent?: boolean
  /** Signed in already (verification optional): a button moves on; otherwise back to sign-in. */
  onContinue?: (() => void) | undefined
}

/** After registering, or a sign-in refused until the address is verified: open the mailed link, or get a new one. */
export function CheckMail ({ email, sent = false, onContinue }: Props) {
  const { t } = useI18n()
  const signedIn = onContinue !== undefined
  return (
    <Page title={t('checkMail.title')}>
      <div className='card narrow'>
        <p>{sent && email ? t('checkMail.sent', { email }) : t('checkMail.notVerified')}</p>
        {!signedIn && <p>{t('checkMail.signInAfter')}</p>}
        <ResendVerification signedIn={signedIn} email={email ?? ''} />
        {signedIn
          ? <button type='button' className='primary' onClick={onContinue}>{t('checkMail.continue')}</button>
          : <p><Link to='/sign-in'>{t('checkMail.backToSignIn')}</Link></p>}
      </div>
    </Page>
  )
}
