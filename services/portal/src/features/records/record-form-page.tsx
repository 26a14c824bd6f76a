import { RekamApiError, unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field, TextArea } from '../../components/ui/field.js'
import { Loading } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useLoad } from '../../lib/use-load.js'
import { ifMatch, loadRecord } from './api.js'

const EMPTY = { visitDate: new Date().toISOString().slice(0, 10), complaint: '', diagnosis: '', treatment: '', prescription: '', notes: '' }
type Draft = typeof EMPTY

/**
 * A doctor writes a record for a patient (`/records/new?patientId=`) or edits a draft of their own.
 * A signed record is not edited here: it changes by amendment, on its page.
 */
export function RecordFormPage () {
  const { t } = useI18n()
  const id = useParams().id
  const patientId = useSearchParams()[0].get('patientId') ?? ''
  const existing = useLoad(async () => id ? loadRecord(id) : undefined, `edit-${id}`)
  const r = existing.data
  return (
    <Page title={id ? t('form.editRecord') : t('form.newRecord')}>
      <ErrorAlert error={existing.error} />
      {id && existing.loading && <Loading />}
      {r?.patient && <p>{t('records.patient')}: {r.patient.fullName}</p>}
      {r && r.status !== 'draft' && <p className='alert alert-info'>{t('record.finalNote')} <Link to={`/records/${r.id}`}>{t('versions.back')}</Link></p>}
      {/* Mounted once the record is here, so that what is typed is never replaced by a late answer. */}
      {(!id || r?.status === 'draft') && (
        <RecordForm
          id={id}
          version={r?.version}
          patientId={patientId}
          initial={r ? { visitDate: r.visitDate, complaint: r.complaint, diagnosis: r.diagnosis, treatment: r.treatment, prescription: r.prescription ?? '', notes: r.notes ?? '' } : EMPTY}
        />
      )}
    </Page>
  )
}

function RecordForm ({ id, version, patientId, initial }: { id: string | undefined, version: number | undefined, patientId: string, initial: Draft }) {
  const { t } = useI18n()
  const navigate = useNavigate()
  const [draft, setDraft] = useState<Draft>(initial)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value })

  async function submit (event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    const body = { ...draft, prescription: draft.prescription.trim() || null, notes: draft.notes.trim() || null }
    try {
      // The version this form was opened on: a change saved meanwhile (another tab, a colleague) answers 412.
      const { record } = id && version
        ? unwrap(await rekam.records.PATCH('/api/records/{id}', { params: { path: { id } }, headers: ifMatch(version), body: { ...body, ...(reason.trim() ? { reason: reason.trim() } : {}) } }))
        : unwrap(await rekam.records.POST('/api/records', { body: { ...body, patientId } }))
      navigate(`/records/${record.id}`, { replace: true })
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  const fields = {
    visitDate: t('records.visitDate'),
    complaint: t('records.complaint'),
    diagnosis: t('records.diagnosis'),
    treatment: t('records.treatment'),
    prescription: t('records.prescription'),
    notes: t('records.notes'),
    reason: t('form.reason'),
  }
  const stale = error instanceof RekamApiError && error.code === 'PRECONDITION_FAILED'
  return (
    <form className='card' onSubmit={submit} noValidate>
      <ErrorAlert error={error} fields={fields} />
      {stale && id && <p><a href={`/records/${id}`} target='_blank' rel='noreferrer'>{t('form.staleOpen')}</a></p>}
      <Field label={fields.visitDate} type='date' required value={draft.visitDate} onChange={set('visitDate')} />
      <TextArea label={fields.complaint} required value={draft.complaint} onChange={set('complaint')} />
      <TextArea label={fields.diagnosis} required value={draft.diagnosis} onChange={set('diagnosis')} />
      <TextArea label={fields.treatment} required value={draft.treatment} onChange={set('treatment')} />
      <TextArea label={fields.prescription} value={draft.prescription} onChange={set('prescription')} />
      <TextArea label={fields.notes} value={draft.notes} onChange={set('notes')} />
      {id && <TextArea label={fields.reason} hint={t('form.reasonHint')} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
      <div className='actions'>
        <button type='submit' className='primary' disabled={busy}>{t('form.save')}</button>
        <Link className='button' to={id ? `/records/${id}` : `/records?patientId=${patientId}`}>{t('form.cancel')}</Link>
      </div>
    </form>
  )
}
