import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field } from '../../components/ui/field.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { PasskeySecondStep } from './passkey-sign-in.js'

/** The factors typed into the form. */
export type CodeMethod = 'totp' | 'recovery_code'

export interface SecondStepProps {
  /** The account's methods, as the API listed them. */
  methods: readonly string[]
  /** Proves a typed code: the sign-in's second step, or a password reset's confirmation. Rejects when refused. */
  verify: (method: CodeMethod, code: string) => Promise<unknown>
  /** Proves one of the account's passkeys; offered when `methods` has webauthn. */
  verifyPasskey: () => Promise<unknown>
  onRestart: () => void
  /** What the step is for, above the methods. */
  intro?: string | undefined
}

/** A second step: a passkey, the authenticator's six digits, or one of the recovery codes. */
export function SecondStepForm ({ methods, verify, verifyPasskey, onRestart, intro }: SecondStepProps) {
  const { t } = useI18n()
  const [method, setMethod] = useState<CodeMethod>(methods.includes('totp') ? 'totp' : 'recovery_code')
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const label = method === 'totp' ? t('mfa.code') : t('mfa.recoveryCode')

  async function submit (event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      // Proven: the caller moves on (at sign-in, the guest-only route sends the user on).
      await verify(method, code.trim())
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  function switchTo (next: CodeMethod) {
    setMethod(next)
    setCode('')
    setError(undefined)
  }

  return (
    <form className='card narrow' onSubmit={submit} noValidate aria-labelledby='second-step-title'>
      <h2 id='second-step-title'>{t('mfa.step.title')}</h2>
      {intro && <p>{intro}</p>}
      {methods.includes('webauthn') && <PasskeySecondStep verify={verifyPasskey} />}
      <p>{method === 'totp' ? t('mfa.step.totp') : t('mfa.step.recovery')}</p>
      <ErrorAlert error={error} fields={{ code: label }} />
      {method === 'totp'
        ? <Field key='totp' label={label} name='code' inputMode='numeric' autoComplete='one-time-code' pattern='[0-9]{6}' maxLength={6} required autoFocus value={code} onChange={(e) => setCode(e.target.value)} />
        : <Field key='recovery' label={label} name='code' autoComplete='off' spellCheck={false} required autoFocus value={code} onChange={(e) => setCode(e.target.value)} />}
      <button type='submit' className='primary' disabled={busy}>{t('mfa.step.submit')}</button>
      {methods.includes('recovery_code') && methods.includes('totp') && (
        <button type='button' className='link-button' onClick={() => switchTo(method === 'totp' ? 'recovery_code' : 'totp')}>
          {method === 'totp' ? t('mfa.step.useRecovery') : t('mfa.step.useTotp')}
        </button>
      )}
      <button type='button' className='link-button' onClick={onRestart}>{t('mfa.step.restart')}</button>
    </form>
  )
}
