import { RekamApiError, type SecondStep } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field } from '../../components/ui/field.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useSession } from '../../lib/session.js'
import { CheckMail } from './check-mail.js'
import { EnrolStep } from './enrol-step.js'
import { PasskeySignIn } from './passkey-sign-in.js'
import { SecondStepForm } from './second-step.js'

type Step = SecondStep

/** Sign in with a username or an email; says why the last session ended, if it did. */
export function SignInPage () {
  const { t } = useI18n()
  const { reason } = useSession()
  const [identifier, setIdentifier] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const [step, setStep] = useState<Step>()
  // A right password of an address still to verify (EMAIL_VERIFICATION=required): the address, when typed.
  const [unverified, setUnverified] = useState<{ email?: string }>()

  async function submit (event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    const name = identifier.trim()
    try {
      // The guest-only route sends the now signed-in user on.
      const answer = await rekam.signIn(name.includes('@') ? { email: name, password } : { username: name, password })
      if ('ticket' in answer) {
        setPassword('')
        setStep(answer)
        setBusy(false)
      }
    } catch (err) {
      if (err instanceof RekamApiError && err.code === 'EMAIL_NOT_VERIFIED') setUnverified(name.includes('@') ? { email: name } : {})
      else setError(err)
      setBusy(false)
    }
  }

  function restart () {
    setStep(undefined)
    setError(undefined)
  }

  if (unverified) return <CheckMail email={unverified.email} />

  if (step) {
    return (
      <Page title={t('signIn.title')}>
        {'mfaRequired' in step
          ? <SecondStepForm ticket={step.ticket} methods={step.methods} onRestart={restart} />
          : <EnrolStep ticket={step.ticket} onRestart={restart} />}
      </Page>
    )
  }

  return (
    <Page title={t('signIn.title')}>
      <form className='card narrow' onSubmit={submit} noValidate>
        {reason && !error && <p className='alert alert-info' role='status'>{t(`signIn.reason.${reason}`)}</p>}
        <ErrorAlert error={error} fields={{ username: t('signIn.identifier'), email: t('signIn.identifier'), password: t('signIn.password') }} />
        <PasskeySignIn />
        <Field label={t('signIn.identifier')} name='username' autoComplete='username' required value={identifier} onChange={(e) => setIdentifier(e.target.value)} />
        <Field label={t('signIn.password')} name='password' type='password' autoComplete='current-password' required value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type='submit' className='primary' disabled={busy}>{busy ? t('signIn.busy') : t('signIn.submit')}</button>
        <p>{t('signIn.noAccount')} <Link to='/register'>{t('signIn.register')}</Link></p>
      </form>
    </Page>
  )
}
