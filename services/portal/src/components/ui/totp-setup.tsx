import { useEffect, useState, type FormEvent } from 'react'
import { useI18n } from '../../lib/i18n/provider.js'
import { ErrorAlert } from './error-alert.js'
import { Field } from './field.js'

export interface TotpSecret {
  factorId: string
  secret: string
  otpauthUri: string
}

/**
 * The authenticator enrolment: the QR code of the otpauth URI, the secret as text for those who
 * type it, and the six digits that prove the app has it.
 */
export function TotpSetup ({ setup, error, onConfirm }: { setup: TotpSecret, error: unknown, onConfirm: (code: string) => Promise<void> }) {
  const { t } = useI18n()
  const [qr, setQr] = useState<string>()
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let alive = true
    // Loaded when needed: the QR encoder stays out of the page's first script.
    import('qrcode')
      .then((QRCode) => QRCode.toDataURL(setup.otpauthUri, { margin: 1, width: 200 }))
      .then((url) => { if (alive) setQr(url) }, () => {})
    return () => { alive = false }
  }, [setup.otpauthUri])

  async function submit (event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    try {
      await onConfirm(code.trim())
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className='card narrow' onSubmit={submit} noValidate aria-labelledby='totp-setup-title'>
      <h2 id='totp-setup-title'>{t('mfa.setup.title')}</h2>
      <p>{t('mfa.setup.scan')}</p>
      {qr && <img src={qr} width={200} height={200} alt={t('mfa.setup.qrAlt')} />}
      <p>{t('mfa.setup.typeSecret')}</p>
      <p><code aria-label={t('mfa.setup.secret')}>{setup.secret}</code></p>
      <ErrorAlert error={error} fields={{ code: t('mfa.code') }} />
      <Field label={t('mfa.code')} name='code' inputMode='numeric' autoComplete='one-time-code' pattern='[0-9]{6}' maxLength={6} required value={code} onChange={(e) => setCode(e.target.value)} />
      <button type='submit' className='primary' disabled={busy}>{t('mfa.setup.confirm')}</button>
    </form>
  )
}
