import { unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field } from '../../components/ui/field.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { ResendVerification } from '../../components/ui/resend-verification.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useLoad } from '../../lib/use-load.js'
import { useUser } from '../../lib/session.js'
import { DeletionSection } from './deletion-section.js'
import { EmailSection } from './email-section.js'
import { FactorsSection } from './factors-section.js'

/** Full name; the username, role and start date as facts. */
function ProfileForm () {
  const { t, instant } = useI18n()
  const user = useUser()
  const [fullName, setFullName] = useState(user.fullName ?? '')
  const [result, setResult] = useState<{ error?: unknown, saved?: boolean }>({})

  async function submit (event: FormEvent) {
    event.preventDefault()
    setResult({})
    try {
      unwrap(await rekam.auth.PUT('/api/auth/profile', { body: { fullName: fullName.trim() || null } }))
      // The client's user follows /api/auth/me; ask it again so the header and this form agree.
      await rekam.resume()
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
      <ErrorAlert error={result.error} fields={{ fullName: t('account.fullName') }} />
      <Notice>{result.saved && t('account.saved')}</Notice>
      <Field label={t('account.fullName')} autoComplete='name' value={fullName} onChange={(e) => setFullName(e.target.value)} />
      <button type='submit' className='primary'>{t('account.save')}</button>
    </form>
  )
}

/** The email form with the account's pending change, read from /api/auth/me (the client's user has no pending address). */
function Email () {
  const account = useLoad(async () => unwrap(await rekam.auth.GET('/api/auth/me')), 'me')
  const handleChange = () => account.reload()
  if (!account.data) return account.error ? <ErrorAlert error={account.error} /> : <Loading />
  return <EmailSection key={account.data.user.email} email={account.data.user.email} pendingEmail={account.data.pendingEmail} onChange={handleChange} />
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
  const user = useUser()
  return (
    <Page title={t('account.title')}>
      <VerifyNotice />
      <div className='grid-2'>
        <ProfileForm />
        <Email />
        <PasswordForm />
      </div>
      <FactorsSection />
      {user.role === 'PATIENT' && <DeletionSection />}
    </Page>
  )
}
