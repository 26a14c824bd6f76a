import { useEffect, useRef, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field, TextArea } from '../../components/ui/field.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { useStepUp } from '../../lib/step-up.js'
import { acceptRequest, amendRecord, CONTENT_FIELDS, type AmendmentRequest, type MedicalRecord, type RecordContent } from './api.js'
import { FIELD_LABELS } from './field-labels.js'

const REASON_MIN = 3
type Draft = Record<keyof RecordContent, string>

/** The fields the draft changes, as the API takes them (an emptied optional field is null). */
function changesOf (record: MedicalRecord, draft: Draft): Partial<RecordContent> {
  const changes: Partial<RecordContent> = {}
  for (const field of CONTENT_FIELDS) {
    const value = draft[field].trim()
    if (value === (record[field] ?? '')) continue
    if (field === 'prescription' || field === 'notes') changes[field] = value || null
    else changes[field] = value
  }
  return changes
}

/**
 * A final record's amendment (its author or an admin; step-up), or the acceptance of a patient's
 * request, whose text starts as the reason: a new signed version, the previous one kept.
 */
export function AmendmentForm ({ record, request, onDone, onCancel }: {
  record: MedicalRecord
  request?: AmendmentRequest | undefined
  onDone (version: number): void
  onCancel (): void
}) {
  const { t } = useI18n()
  const withStepUp = useStepUp()
  const [draft, setDraft] = useState<Draft>(() => ({
    visitDate: record.visitDate, complaint: record.complaint, diagnosis: record.diagnosis, treatment: record.treatment, prescription: record.prescription ?? '', notes: record.notes ?? '',
  }))
  const [reason, setReason] = useState(request?.text.slice(0, 500) ?? '')
  const [problem, setProblem] = useState<string>()
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  // Opened from a button further up: the form's heading takes the focus, as a page's does.
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => { heading.current?.focus() }, [])
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value })

  async function submit (event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    const changes = changesOf(record, draft)
    const problemNow = Object.keys(changes).length === 0 ? t('amend.noChange') : reason.trim().length < REASON_MIN ? t('amend.reasonShort') : undefined
    setProblem(problemNow)
    if (problemNow) return
    setBusy(true)
    try {
      const amended = await withStepUp(async () => request
        ? (await acceptRequest(record.id, record.version, request.id, changes, reason.trim())).record
        : await amendRecord(record.id, record.version, changes, reason.trim()))
      onDone(amended.version)
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  const title = request ? t('amend.acceptTitle') : t('amend.title')
  return (
    <form className='card' onSubmit={submit} noValidate aria-label={title}>
      <h2 ref={heading} tabIndex={-1}>{title}</h2>
      <p>{request ? t('amend.acceptIntro') : t('amend.intro')}</p>
      {problem && <p className='alert alert-error' role='alert'>{problem}</p>}
      <ErrorAlert error={error} fields={{ reason: t('amend.reason'), ...Object.fromEntries(CONTENT_FIELDS.map((f) => [f, t(FIELD_LABELS[f])])) }} />
      <Field label={t(FIELD_LABELS.visitDate)} type='date' value={draft.visitDate} onChange={set('visitDate')} />
      {CONTENT_FIELDS.filter((f) => f !== 'visitDate').map((field) => (
        <TextArea key={field} label={t(FIELD_LABELS[field])} value={draft[field]} onChange={set(field)} />
      ))}
      <TextArea label={t('amend.reason')} hint={t('amend.reasonHint')} required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className='actions'>
        <button type='submit' className='primary' disabled={busy}>{request ? t('amend.acceptSubmit') : t('amend.submit')}</button>
        <button type='button' onClick={onCancel}>{t('amend.cancel')}</button>
      </div>
    </form>
  )
}
