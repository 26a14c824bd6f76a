import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field } from '../../components/ui/field.js'
import { Page } from '../../components/ui/page.js'
import { useGuestHold } from '../../lib/guest-hold.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { CheckMail } from './check-mail.js'

/**
 * A patient creates their own account (staff accounts come from an admin), in the portal's
 * language. When a verification link was mailed, "check your mail" follows: signed in already
 * (verification optional) they continue from there; otherwise they sign in once verified.
 */
export function RegisterPage () {
  const { t, language } = useI18n()
  const { hold } = useGuestHold()
  const [form, setForm] = useState({ username: '', email: '', fullName: '', password: '' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const [mailed, setMailed] = useState<{ email: string, signedIn: boolean }>()
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value })

  async function submit (event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    // Kept on this page after the sign-in a registration makes, to say where the link went.
    hold(true)
    try {
      const fullName = form.fullName.trim()
      const registered = await rekam.register({ username: form.username.trim(), email: form.email.trim(), password: form.password, ...(fullName ? { fullName } : {}), locale: language })
      if (registered.verificationSent || registered.emailVerificationRequired) {
        setMailed({ email: registered.user.email, signedIn: !registered.emailVerificationRequired })
      } else {
        hold(false)
      }
    } catch (err) {
      hold(false)
      setError(err)
      setBusy(false)
    }
  }

  if (mailed) return <CheckMail email={mailed.email} sent onContinue={mailed.signedIn ? () => hold(false) : undefined} />

  return (
    <Page title={t('register.title')}>
      <form className='card narrow' onSubmit={submit} noValidate>
        <ErrorAlert error={error} fields={{ username: t('register.username'), email: t('register.email'), fullName: t('register.fullName'), password: t('register.password') }} />
        <Field label={t('register.fullName')} autoComplete='name' value={form.fullName} onChange={set('fullName')} />
        <Field label={t('register.username')} hint={t('register.usernameHint')} autoComplete='username' required value={form.username} onChange={set('username')} />
        <Field label={t('register.email')} type='email' autoComplete='email' required value={form.email} onChange={set('email')} />
        <Field label={t('register.password')} hint={t('register.passwordHint')} type='password' autoComplete='new-password' required minLength={8} value={form.password} onChange={set('password')} />
        <button type='submit' className='primary' disabled={busy}>{t('register.submit')}</button>
        <p>{t('register.haveAccount')} <Link to='/sign-in'>{t('signIn.title')}</Link></p>
      </form>
    </Page>
  )
}
