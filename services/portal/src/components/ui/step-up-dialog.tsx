import type { StepUpChallenge } from '@rekam/client'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { assertPasskey, passkeysSupported } from '../../lib/webauthn.js'
import { ErrorAlert } from './error-alert.js'
import { Field } from './field.js'

const AAL2 = 'urn:rekam:aal2'

interface Props {
  challenge: StepUpChallenge
  onDone (): void
  onCancel (): void
}

/**
 * "Confirm it is you": the password, and a code of the second factor when the operation asks for
 * aal2. A modal <dialog> (showModal): the page behind is inert, so focus stays inside; Escape cancels.
 */
export function StepUpDialog ({ challenge, onDone, onCancel }: Props) {
  const { t } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const factor = challenge.acrValues.includes(AAL2)
  const [method, setMethod] = useState<'totp' | 'recovery_code'>('totp')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const codeLabel = method === 'totp' ? t('mfa.code') : t('mfa.recoveryCode')

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  async function submit (event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await rekam.reauthenticate(factor ? { password, method, code: code.trim() } : { password })
      onDone()
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  /** A passkey proves both factors at once: no password needed (amr hwk + user, aal2). */
  async function withPasskey () {
    setBusy(true)
    setError(undefined)
    try {
      await rekam.reauthenticate({ method: 'webauthn', response: await assertPasskey() })
      onDone()
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  function switchMethod () {
    setMethod(method === 'totp' ? 'recovery_code' : 'totp')
    setCode('')
  }

  return (
    <dialog ref={ref} className='dialog' aria-labelledby={titleId} onCancel={(event) => { event.preventDefault(); onCancel() }}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t('stepUp.title')}</h2>
        <p>{factor ? t('stepUp.introFactor') : t('stepUp.intro')}</p>
        <ErrorAlert error={error} fields={{ password: t('stepUp.password'), code: codeLabel }} />
        <Field label={t('stepUp.password')} type='password' autoComplete='current-password' required autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
        {factor && (method === 'totp'
          ? <Field key='totp' label={codeLabel} inputMode='numeric' autoComplete='one-time-code' pattern='[0-9]{6}' maxLength={6} required value={code} onChange={(e) => setCode(e.target.value)} />
          : <Field key='recovery' label={codeLabel} autoComplete='off' spellCheck={false} required value={code} onChange={(e) => setCode(e.target.value)} />)}
        {factor && (
          <p>
            <button type='button' className='link-button' onClick={switchMethod}>
              {method === 'totp' ? t('mfa.step.useRecovery') : t('mfa.step.useTotp')}
            </button>
          </p>
        )}
        {factor && passkeysSupported() && (
          <p><button type='button' onClick={() => { withPasskey().catch(() => {}) }} disabled={busy}>{t('passkey.step.use')}</button></p>
        )}
        <div className='actions'>
          <button type='submit' className='primary' disabled={busy}>{t('stepUp.submit')}</button>
          <button type='button' onClick={onCancel}>{t('stepUp.cancel')}</button>
        </div>
      </form>
    </dialog>
  )
}
