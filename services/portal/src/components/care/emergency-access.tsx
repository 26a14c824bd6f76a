import { RekamApiError, unwrap } from '@rekam/client'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { rememberEmergency, useEmergency } from '../../lib/emergency.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useUser } from '../../lib/session.js'
import { useStepUp } from '../../lib/step-up.js'
import { ErrorAlert } from '../ui/error-alert.js'

/** The API's bounds of a reason (20..1000 characters). */
export const REASON_MIN = 20
const REASON_MAX = 1000

/** Characters as a person counts them (an emoji is one), as the API's length check counts them. */
const length = (text: string) => [...text].length

/** A refusal that emergency access may lift: a doctor's 403 on a patient or one of their records. */
export function isCareRefusal (error: unknown, role: string): boolean {
  return role === 'DOCTOR' && error instanceof RekamApiError && error.status === 403 && error.code === 'FORBIDDEN'
}

/** The patient a refusal names, when the API says (a record's patient, in the error's details). */
export function refusedPatientId (error: unknown): string | undefined {
  if (!(error instanceof RekamApiError) || !Array.isArray(error.details)) return undefined
  for (const detail of error.details as unknown[]) {
    const id = typeof detail === 'object' && detail !== null ? (detail as { patientId?: unknown }).patientId : undefined
    if (typeof id === 'string') return id
  }
  return undefined
}

/**
 * The page a doctor may not read: the refusal in words and, when the patient is known, the way to
 * emergency access (the reason, then the step-up dialog); `onGranted` loads the page again. Any
 * other error is the usual alert.
 */
export function EmergencyGate ({ error, patientId, onGranted }: { error: unknown, patientId: string | undefined, onGranted (): void }) {
  const { t } = useI18n()
  const user = useUser()
  const [asking, setAsking] = useState(false)
  if (!isCareRefusal(error, user.role)) return <ErrorAlert error={error} />
  return (
    <section className='card refused' aria-labelledby='refused-title'>
      <h2 id='refused-title'>{t('emergency.refused')}</h2>
      {!patientId && <p>{t('emergency.fromPatient')}</p>}
      {patientId && (
        <>
          <p>{t('emergency.offerText')}</p>
          <button type='button' className='danger' onClick={() => setAsking(true)}>{t('emergency.offer')}</button>
          {asking && <EmergencyDialog patientId={patientId} onCancel={() => setAsking(false)} onDone={() => { setAsking(false); onGranted() }} />}
        </>
      )}
    </section>
  )
}

/**
 * "Why do you need this patient's data?": a modal <dialog> (the page behind inert, Escape
 * cancels) with the reason and its count; the request then goes through useStepUp, whose dialog
 * asks for the password and the second factor when the sign-in is not fresh enough.
 */
export function EmergencyDialog ({ patientId, onDone, onCancel }: { patientId: string, onDone (): void, onCancel (): void }) {
  const { t } = useI18n()
  const user = useUser()
  const withStepUp = useStepUp()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const fieldId = useId()
  const [reason, setReason] = useState('')
  const [tooShort, setTooShort] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const count = length(reason.trim())

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  async function submit (event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    if (count < REASON_MIN) {
      setTooShort(true)
      return
    }
    setTooShort(false)
    setBusy(true)
    try {
      const { grant } = await withStepUp(async () => unwrap(await rekam.records.POST('/api/patients/{id}/emergency-access', {
        params: { path: { id: patientId } },
        body: { reason: reason.trim() },
      })))
      rememberEmergency(user.id, patientId, grant.endsAt)
      onDone()
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <dialog ref={ref} className='dialog' aria-labelledby={titleId} onCancel={(event) => { event.preventDefault(); onCancel() }}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t('emergency.title')}</h2>
        <p>{t('emergency.intro')}</p>
        {tooShort && count < REASON_MIN && <p className='alert alert-error' role='alert'>{t('emergency.tooShort', { min: REASON_MIN })}</p>}
        <ErrorAlert error={error} fields={{ reason: t('emergency.reason') }} />
        <div className='field'>
          <label htmlFor={fieldId}>{t('emergency.reason')}</label>
          <textarea
            id={fieldId} rows={4} required minLength={REASON_MIN} maxLength={REASON_MAX} autoFocus
            aria-describedby={`${fieldId}-hint ${fieldId}-count`} aria-invalid={(tooShort && count < REASON_MIN) || undefined}
            value={reason} onChange={(e) => setReason(e.target.value)}
          />
          <small id={`${fieldId}-hint`}>{t('emergency.reasonHint', { min: REASON_MIN })}</small>
          <small id={`${fieldId}-count`} className={count >= REASON_MIN ? 'count count-ok' : 'count'}>{t('emergency.count', { count, min: REASON_MIN })}</small>
        </div>
        <div className='actions'>
          <button type='submit' className='primary' disabled={busy}>{t('emergency.submit')}</button>
          <button type='button' onClick={onCancel}>{t('emergency.cancel')}</button>
        </div>
      </form>
    </dialog>
  )
}

/** "Emergency access until HH:MM" on every page this doctor reads of the patient while it lasts. */
export function EmergencyBanner ({ patientId }: { patientId: string | undefined }) {
  const { t, time } = useI18n()
  const user = useUser()
  const endsAt = useEmergency(user.id, user.role === 'DOCTOR' ? patientId : undefined)
  if (!endsAt) return null
  return <p className='alert alert-warning emergency-banner' role='status'>{t('emergency.banner', { time: time(endsAt) })}</p>
}
