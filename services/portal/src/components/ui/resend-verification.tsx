import { unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { ErrorAlert } from './error-alert.js'
import { Field } from './field.js'
import { Notice } from './notice.js'

/**
 * "Send a new link": for the signed-in user (their own address), or, signed out, for the address
 * typed here. The answer is the same for every address, so it says only that a link may be coming.
 */
export function ResendVerification ({ signedIn, email: initialEmail = '' }: { signedIn: boolean, email?: string }) {
  const { t } = useI18n()
  const [email, setEmail] = useState(initialEmail)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ error?: unknown, sent?: boolean }>({})

  async function submit (event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setResult({})
    try {
      unwrap(await rekam.auth.POST('/api/auth/email/verify/resend', { body: signedIn ? {} : { email: email.trim() } }))
      setResult({ sent: true })
    } catch (error) {
      setResult({ error })
    }
    setBusy(false)
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={result.error} fields={{ email: t('resend.email') }} />
      <Notice>{result.sent && t('resend.sent')}</Notice>
      {!signedIn && <Field label={t('resend.email')} type='email' autoComplete='email' required value={email} onChange={(e) => setEmail(e.target.value)} />}
      <button type='submit' disabled={busy}>{t('resend.submit')}</button>
    </form>
  )
}
