import { unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field } from '../../components/ui/field.js'
import { Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'

/**
 * Asks for a reset link. The confirmation is the same sentence for every address (the API's
 * answer is too): the page never says whether an account has it.
 */
export function ForgotPasswordPage () {
  const { t } = useI18n()
  const [email, setEmail] = useState('')
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState(false)
  const [error, setError] = useState<unknown>()

  async function submit (event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    setSent(false)
    try {
      unwrap(await rekam.auth.POST('/api/auth/password-reset', { body: { email: email.trim() } }))
      setSent(true)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page title={t('forgot.title')}>
      <form className='card narrow' onSubmit={submit} noValidate>
        <p>{t('forgot.intro')}</p>
        <ErrorAlert error={error} fields={{ email: t('forgot.email') }} />
        <Notice>{sent && t('forgot.sent')}</Notice>
        <Field label={t('forgot.email')} name='email' type='email' autoComplete='email' required value={email} onChange={(e) => setEmail(e.target.value)} />
        <button type='submit' className='primary' disabled={busy}>{busy ? t('forgot.busy') : t('forgot.submit')}</button>
        <p><Link to='/sign-in'>{t('forgot.back')}</Link></p>
      </form>
    </Page>
  )
}
