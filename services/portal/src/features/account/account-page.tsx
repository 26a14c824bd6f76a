import { unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field } from '../../components/ui/field.js'
import { Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { ResendVerification } from '../../components/ui/resend-verification.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useStepUp } from '../../lib/step-up.js'
import { useUser } from '../../lib/session.js'
import { FactorsSection } from './factors-section.js'

function ProfileForm () {
  const { t, instant } = useI18n()
  const user = useUser()
  const [fullName, setFullName] = useState(user.fullName ?? '')
  const [email, setEmail] = useState(user.email)
  const [currentPassword, setCurrentPassword] = useState('')
  const [result, setResult] = useState<{ error?: unknown, saved?: boolean }>({})
  const emailChanged = email.trim() !== user.email
  const withStepUp = useStepUp()

  async function submit (event: FormEvent) {
    event.preventDefault()
    setResult({})
    try {
      // A new email needs a recent sign-in: the step-up dialog, then the same request again.
      await withStepUp(async () => unwrap(await rekam.auth.PUT('/api/auth/profile', {
        body: { fullName: fullName.trim() || null, ...(emailChanged ? { email: email.trim(), currentPassword } : {}) },
      })))
      // The client's user follows /api/auth/me; ask it again so the header and this form agree.
      await rekam.resume()
      setCurrentPassword('')
      setResult({ saved: true })
    } catch (error) {
      setResult({ error })
    }
  }

  return (
    <form className='card' onSubmit={submit} noValidate aria-labelledby='profile-title'>
      <h2 id='profile-title'>{t('account.profile')}</h2>
      <dl className='facts'>
        <dt>{t('account.username')}</dt><dd>{user.username}</dd>
        <dt>{t('account.role')}</dt><dd>{t(`role.${user.role}`)}</dd>
        <dt>{t('account.since')}</dt><dd>{instant(user.createdAt)}</dd>
      </dl>
      <ErrorAlert error={result.error} fields={{ fullName: t('account.fullName'), email: t('account.email'), currentPassword: t('account.currentPassword') }} />
      <Notice>{result.saved && t('account.saved')}</Notice>
      <Field label={t('account.fullName')} autoComplete='name' value={fullName} onChange={(e) => setFullName(e.target.value)} />
      <Field label={t('account.email')} type='email' autoComplete='email' value={email} onChange={(e) => setEmail(e.target.value)} />
      {emailChanged && <Field label={t('account.currentPasswordForEmail')} type='password' autoComplete='current-password' value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} />}
      <button type='submit' className='primary'>{t('account.save')}</button>
    </form>
  )
}

function PasswordForm () {
  const { t } = useI18n()
  const [currentPassword, setCurrent] = useState('')
  const [newPassword, setNew] = useState('')
  const [result, setResult] = useState<{ error?: unknown, saved?: boolean }>({})

  async function submit (event: FormEvent) {
    event.preventDefault()
    setResult({})
    try {
      unwrap(await rekam.auth.POST('/api/auth/change-password', { body: { currentPassword, newPassword } }))
      setCurrent('')
      setNew('')
      setResult({ saved: true })
    } catch (error) {
      setResult({ error })
    }
  }

  return (
    <form className='card' onSubmit={submit} noValidate aria-labelledby='password-title'>
      <h2 id='password-title'>{t('account.password')}</h2>
      <ErrorAlert error={result.error} fields={{ currentPassword: t('account.currentPassword'), newPassword: t('account.newPassword') }} />
      <Notice>{result.saved && t('account.passwordChanged')}</Notice>
      <Field label={t('account.currentPassword')} type='password' autoComplete='current-password' required value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
      <Field label={t('account.newPassword')} hint={t('register.passwordHint')} type='password' autoComplete='new-password' required minLength={8} value={newPassword} onChange={(e) => setNew(e.target.value)} />
      <button type='submit' className='primary'>{t('account.changePassword')}</button>
    </form>
  )
}

/** Until the address is verified: say so, with a button for a new link. */
function VerifyNotice () {
  const { t } = useI18n()
  const user = useUser()
  if (user.emailVerified) return null
  return (
    <div className='alert alert-info' role='status'>
      <p>{t('account.unverified')}</p>
      <ResendVerification signedIn />
    </div>
  )
}

export function AccountPage () {
  const { t } = useI18n()
  return (
    <Page title={t('account.title')}>
      <VerifyNotice />
      <div className='grid-2'>
        <ProfileForm />
        <PasswordForm />
      </div>
      <FactorsSection />
    </Page>
  )
}
