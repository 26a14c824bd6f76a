import { RekamApiError, unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field } from '../../components/ui/field.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { useLinkToken } from '../../lib/link-token.js'
import { rekam } from '../../lib/rekam.js'

/** A link that can no longer set a password: unknown, expired or used (asking again will not help). */
const DEAD_LINK = new Set(['SET_PASSWORD_TOKEN_INVALID', 'EMAIL_TOKEN_INVALID'])
const isDeadLink = (error: unknown) => error instanceof RekamApiError && DEAD_LINK.has(error.code)

/**
 * Accept an invitation: the owner of an account the clinic made chooses its password with the
 * one-time link from their mail. Nothing signs in here; they sign in afterwards (and staff then
 * set up their second factor).
 */
export function SetPasswordPage () {
  const token = useLinkToken()
  return <SetPasswordForm key={token} token={token} />
}

function SetPasswordForm ({ token }: { token: string | undefined }) {
  const { t } = useI18n()
  const [form, setForm] = useState({ password: '', confirm: '' })
  const [mismatch, setMismatch] = useState(false)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const [error, setError] = useState<unknown>()

  async function submit (event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    setMismatch(form.password !== form.confirm)
    if (!token || form.password !== form.confirm) return
    setBusy(true)
    try {
      unwrap(await rekam.auth.POST('/api/auth/set-password', { body: { token, password: form.password } }))
      setDone(true)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const signInLink = <Link to='/sign-in' className='button primary'>{t('setPassword.signIn')}</Link>
  if (done) {
    return (
      <Page title={t('setPassword.title')}>
        <div className='card narrow'>
          <p className='alert alert-ok' role='status'>{t('setPassword.done')}</p>
          <p>{signInLink}</p>
        </div>
      </Page>
    )
  }
  if (!token || isDeadLink(error)) {
    return (
      <Page title={t('setPassword.title')}>
        <div className='card narrow'>
          {token ? <ErrorAlert error={error} /> : <p className='alert alert-error' role='alert'>{t('setPassword.noToken')}</p>}
          <p>{t('setPassword.askAgain')}</p>
          <p><Link to='/sign-in'>{t('setPassword.signIn')}</Link></p>
        </div>
      </Page>
    )
  }
  return (
    <Page title={t('setPassword.title')}>
      <form className='card narrow' onSubmit={submit} noValidate>
        <p>{t('setPassword.intro')}</p>
        <ErrorAlert error={error} fields={{ password: t('setPassword.password') }} />
        {mismatch && <p className='alert alert-error' role='alert'>{t('setPassword.mismatch')}</p>}
        <Field label={t('setPassword.password')} hint={t('setPassword.hint')} type='password' autoComplete='new-password' required minLength={8} maxLength={72} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
        <Field label={t('setPassword.confirm')} type='password' autoComplete='new-password' required aria-invalid={mismatch || undefined} value={form.confirm} onChange={(e) => setForm({ ...form, confirm: e.target.value })} />
        <button type='submit' className='primary' disabled={busy}>{t('setPassword.submit')}</button>
      </form>
    </Page>
  )
}
