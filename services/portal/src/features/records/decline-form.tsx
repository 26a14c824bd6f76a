import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { TextArea } from '../../components/ui/field.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { declineRequest, type AmendmentRequest } from './api.js'

/** The author (or an admin) declines a patient's request, with a reason the patient reads. */
export function DeclineForm ({ request, onDone, onCancel }: { request: AmendmentRequest, onDone (): void, onCancel (): void }) {
  const { t } = useI18n()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<unknown>()
  const [tooShort, setTooShort] = useState(false)
  const [busy, setBusy] = useState(false)

  async function submit (event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    setTooShort(reason.trim().length < 3)
    if (reason.trim().length < 3) return
    setBusy(true)
    try {
      await declineRequest(request.recordId, request.id, reason.trim())
      onDone()
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('requests.declineSubmit')}>
      {tooShort && <p className='alert alert-error' role='alert'>{t('amend.reasonShort')}</p>}
      <ErrorAlert error={error} fields={{ reason: t('requests.declineReason') }} />
      <TextArea label={t('requests.declineReason')} hint={t('requests.declineHint')} required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className='actions'>
        <button type='submit' className='danger' disabled={busy}>{t('requests.declineSubmit')}</button>
        <button type='button' onClick={onCancel}>{t('amend.cancel')}</button>
      </div>
    </form>
  )
}
