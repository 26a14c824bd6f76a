import { unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field } from '../../components/ui/field.js'
import { Notice } from '../../components/ui/notice.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useStepUp } from '../../lib/step-up.js'

interface Props {
  /** The account's address now, and the one waiting for its link to be opened (null: none). */
  email: string
  pendingEmail: string | null
  /** Called after a change was requested or cancelled, to read the account again. */
  onChange (): void
}

/**
 * The account's email: a new address is mailed a link and takes effect when it is opened (on any
 * device, /confirm-email); until then it shows as pending here, and can be cancelled.
 */
export function EmailSection ({ email: current, pendingEmail, onChange }: Props) {
  const { t } = useI18n()
  const [email, setEmail] = useState(current)
  const [currentPassword, setCurrentPassword] = useState('')
  const [result, setResult] = useState<{ error?: unknown, notice?: string }>({})
  const withStepUp = useStepUp()
  const changed = email.trim().toLowerCase() !== current

  async function act (run: () => Promise<string>) {
    setResult({})
    try {
      setResult({ notice: await run() })
      onChange()
    } catch (error) {
      setResult({ error })
    }
  }

  function submit (event: FormEvent) {
    event.preventDefault()
    // A new email needs a recent sign-in: the step-up dialog, then the same request again.
    return act(async () => {
      const { pendingEmail: asked } = await withStepUp(async () => unwrap(await rekam.auth.PUT('/api/auth/profile', { body: { email: email.trim(), currentPassword } })))
      setCurrentPassword('')
      setEmail(current)
      return t('email.sent', { email: asked ?? email.trim() })
    })
  }

  const cancel = () => act(async () => {
    unwrap(await rekam.auth.DELETE('/api/auth/email/pending'))
    return t('email.cancelled')
  })

  return (
    <form className='card' onSubmit={submit} noValidate aria-labelledby='email-title'>
      <h2 id='email-title'>{t('email.title')}</h2>
      <p>{t('email.intro')}</p>
      <ErrorAlert error={result.error} fields={{ email: t('account.email'), currentPassword: t('account.currentPassword') }} />
      <Notice>{result.notice}</Notice>
      {pendingEmail && (
        <div className='pending' role='group' aria-labelledby='email-pending'>
          <p id='email-pending'><strong>{t('email.pending', { email: pendingEmail })}</strong></p>
          <p>{t('email.pendingHint')}</p>
          <button type='button' onClick={cancel}>{t('email.cancel')}</button>
        </div>
      )}
      <Field label={t('account.email')} type='email' autoComplete='email' value={email} onChange={(e) => setEmail(e.target.value)} />
      {changed && <Field label={t('account.currentPasswordForEmail')} type='password' autoComplete='current-password' value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} />}
      <button type='submit' className='primary' disabled={!changed}>{t('email.submit')}</button>
    </form>
  )
}
