import { unwrap } from '@rekam/client'
import { useId, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useStepUp } from '../../lib/step-up.js'

const REASON_MIN = 3
const REASON_MAX = 500

/**
 * The confirmation of a record's deletion, with its required reason: the record is entered in
 * error (hidden from lists, kept in its history), only if nobody changed it since it was shown
 * (If-Match with the version read), after a fresh second factor when the sign-in is too old.
 */
export function DeleteRecord ({ recordId, version, onDeleted, onCancel }: { recordId: string, version: number, onDeleted (): void, onCancel (): void }) {
  const { t } = useI18n()
  const withStepUp = useStepUp()
  const titleId = useId()
  const fieldId = useId()
  const [reason, setReason] = useState('')
  const [tooShort, setTooShort] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()

  async function submit (event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    if (reason.trim().length < REASON_MIN) {
      setTooShort(true)
      return
    }
    setTooShort(false)
    setBusy(true)
    try {
      await withStepUp(async () => unwrap(await rekam.records.DELETE('/api/records/{id}', {
        params: { path: { id: recordId }, header: { 'if-match': `"${version}"` } },
        body: { reason: reason.trim() },
      })))
      onDeleted()
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <section className='card' aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t('record.delete')}</h2>
        <p>{t('record.confirmDelete')}</p>
        {tooShort && reason.trim().length < REASON_MIN && <p className='alert alert-error' role='alert'>{t('record.deleteReasonTooShort', { min: REASON_MIN })}</p>}
        <ErrorAlert error={error} fields={{ reason: t('record.deleteReason') }} />
        <div className='field'>
          <label htmlFor={fieldId}>{t('record.deleteReason')}</label>
          <textarea
            id={fieldId} rows={3} required minLength={REASON_MIN} maxLength={REASON_MAX} autoFocus
            aria-describedby={`${fieldId}-hint`} aria-invalid={(tooShort && reason.trim().length < REASON_MIN) || undefined}
            value={reason} onChange={(e) => setReason(e.target.value)}
          />
          <small id={`${fieldId}-hint`}>{t('record.deleteReasonHint')}</small>
        </div>
        <div className='actions'>
          <button type='submit' className='danger' disabled={busy}>{t('record.deleteConfirm')}</button>
          <button type='button' onClick={onCancel}>{t('record.deleteCancel')}</button>
        </div>
      </form>
    </section>
  )
}
