import { RekamApiError, unwrap, type AuthPaths } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field } from '../../components/ui/field.js'
import { Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { useLinkToken } from '../../lib/link-token.js'
import { rekam } from '../../lib/rekam.js'
import { assertResetPasskey } from '../../lib/webauthn.js'
import { SecondStepForm, type CodeMethod } from './second-step.js'

type ResetFactor = NonNullable<AuthPaths['/api/auth/password-reset/confirm']['post']['requestBody']>['content']['application/json']['factor']

/** The methods a SECOND_FACTOR_REQUIRED lists (each detail's message names one), or undefined for any other error. */
function factorMethods (error: unknown): string[] | undefined {
  if (!(error instanceof RekamApiError) || error.code !== 'SECOND_FACTOR_REQUIRED') return undefined
  return (error.details ?? []).map((detail) => String((detail as { message?: unknown }).message))
}

/**
 * The page a reset link opens: a new password, then, for an account with a second factor, that
 * factor; then "sign in with it". Open to anyone holding a link, signed in or not.
 */
export function ResetPasswordPage () {
  const { t } = useI18n()
  const token = useLinkToken() ?? ''
  const [form, setForm] = useState({ password: '', repeat: '' })
  const [methods, setMethods] = useState<string[]>()
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const [mismatch, setMismatch] = useState(false)

  /** Sends the new password (and the factor); rejects with the API's refusal. */
  async function confirm (factor?: ResetFactor) {
    unwrap(await rekam.auth.POST('/api/auth/password-reset/confirm', { body: { token, newPassword: form.password, ...(factor ? { factor } : {}) } }))
    // The reset ended every session, this browser's too: forget it here as well.
    if (rekam.user) await rekam.signOut().catch(() => {})
    setDone(true)
  }

  async function submit (event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    setMismatch(form.password !== form.repeat)
    if (form.password !== form.repeat) return
    setBusy(true)
    try {
      await confirm()
    } catch (err) {
      const needed = factorMethods(err)
      if (needed) setMethods(needed)
      else setError(err)
    } finally {
      setBusy(false)
    }
  }

  if (!token) {
    return (
      <Page title={t('reset.title')}>
        <div className='card narrow'>
          <p className='alert alert-error' role='alert'>{t('reset.noToken')}</p>
          <p><Link to='/forgot-password'>{t('reset.askAgain')}</Link></p>
        </div>
      </Page>
    )
  }

  if (done) {
    return (
      <Page title={t('reset.title')}>
        <div className='card narrow'>
          <Notice>{t('reset.done')}</Notice>
          <p><Link to='/sign-in'>{t('reset.signIn')}</Link></p>
        </div>
      </Page>
    )
  }

  if (methods) {
    const verify = (type: CodeMethod, code: string) => confirm({ type, code })
    const verifyPasskey = async () => await confirm({ type: 'webauthn', response: await assertResetPasskey(token) })
    return (
      <Page title={t('reset.title')}>
        <SecondStepForm methods={methods} intro={t('reset.factor')} verify={verify} verifyPasskey={verifyPasskey} onRestart={() => setMethods(undefined)} />
      </Page>
    )
  }

  const invalid = error instanceof RekamApiError && error.code === 'EMAIL_TOKEN_INVALID'
  return (
    <Page title={t('reset.title')}>
      <form className='card narrow' onSubmit={submit} noValidate>
        <p>{t('reset.intro')}</p>
        <ErrorAlert error={error} fields={{ newPassword: t('reset.newPassword') }} />
        {invalid && <p><Link to='/forgot-password'>{t('reset.askAgain')}</Link></p>}
        {mismatch && <p className='alert alert-error' role='alert'>{t('reset.mismatch')}</p>}
        <Field label={t('reset.newPassword')} hint={t('reset.passwordHint')} name='newPassword' type='password' autoComplete='new-password' required minLength={8} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
        <Field label={t('reset.repeat')} name='repeat' type='password' autoComplete='new-password' required minLength={8} value={form.repeat} onChange={(e) => setForm({ ...form, repeat: e.target.value })} />
        <button type='submit' className='primary' disabled={busy}>{t('reset.submit')}</button>
      </form>
    </Page>
  )
}
