import { unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Select, TextArea } from '../../components/ui/field.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { Pager } from '../../components/ui/pager.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useLoad } from '../../lib/use-load.js'

const LIMIT = 20
type Status = 'pending' | 'reviewed' | 'all'
const STATUSES: Status[] = ['pending', 'reviewed', 'all']
type Outcome = 'APPROPRIATE' | 'INAPPROPRIATE'
const OUTCOMES: Outcome[] = ['APPROPRIATE', 'INAPPROPRIATE']

interface Grant {
  id: string
  patient: { id: string, mrn: string, fullName: string }
  doctor: { id: string, fullName: string }
  reason: string
  startsAt: string
  endsAt: string
  active: boolean
  reads: number
  review: null | { outcome: Outcome, note: string, reviewedByUserId: string, reviewedAt: string }
}

/**
 * The admins' review queue of emergency access: who opened which patient's data outside care, why,
 * when and how often; each is reviewed once, with an outcome and a note.
 */
export function EmergencyAccessPage () {
  const { t } = useI18n()
  const [params, setParams] = useSearchParams()
  const status = (STATUSES.find((s) => s === params.get('status')) ?? 'pending')
  const page = Number(params.get('page') ?? 1) || 1
  const grants = useLoad(async () => unwrap(await rekam.records.GET('/api/audit/emergency-access', {
    params: { query: { status, page, limit: LIMIT } },
  })), params.toString())
  const [saved, setSaved] = useState(false)
  const items = (grants.data?.items ?? []) as Grant[]
  const labels: Record<Status, string> = { pending: t('emergencyQueue.pending'), reviewed: t('emergencyQueue.reviewed'), all: t('emergencyQueue.all') }
  return (
    <Page title={t('emergencyQueue.title')}>
      <p>{t('emergencyQueue.intro')}</p>
      <form className='filters' onSubmit={(e) => e.preventDefault()}>
        <Select label={t('emergencyQueue.show')} value={status} onChange={(e) => { setSaved(false); setParams(e.target.value === 'pending' ? {} : { status: e.target.value }) }}>
          {STATUSES.map((s) => <option key={s} value={s}>{labels[s]}</option>)}
        </Select>
      </form>
      <Notice>{saved && t('emergencyQueue.saved')}</Notice>
      <ErrorAlert error={grants.error} />
      {grants.loading && !grants.data && <Loading />}
      {grants.data && items.length === 0 && <p>{t('emergencyQueue.empty')}</p>}
      {items.length > 0 && (
        <ul className='cards'>
          {items.map((grant) => <GrantCard key={grant.id} grant={grant} onReviewed={() => { setSaved(true); grants.reload() }} />)}
        </ul>
      )}
      {grants.data && <Pager page={page} limit={LIMIT} total={grants.data.total} onPage={(p) => setParams({ ...(status === 'pending' ? {} : { status }), page: String(p) })} />}
    </Page>
  )
}

function GrantCard ({ grant, onReviewed }: { grant: Grant, onReviewed (): void }) {
  const { t, instant } = useI18n()
  return (
    <li className='card'>
      <h2 className='card-title'>{grant.doctor.fullName} → {grant.patient.fullName}</h2>
      <dl className='facts'>
        <dt>{t('emergencyQueue.patient')}</dt>
        <dd><Link to={`/records?patientId=${grant.patient.id}`}>{grant.patient.fullName}</Link> · {grant.patient.mrn}</dd>
        <dt>{t('emergencyQueue.doctor')}</dt><dd>{grant.doctor.fullName}</dd>
        <dt>{t('emergencyQueue.reason')}</dt><dd>{grant.reason}</dd>
        <dt>{t('emergencyQueue.window')}</dt>
        <dd>{instant(grant.startsAt)} – {instant(grant.endsAt)}{grant.active && <span className='badge badge-warning'>{t('emergencyQueue.activeNow')}</span>}</dd>
        <dt>{t('emergencyQueue.reads')}</dt><dd>{grant.reads}</dd>
        {grant.review && (
          <>
            <dt>{t('emergencyQueue.review')}</dt>
            <dd><span className={grant.review.outcome === 'APPROPRIATE' ? 'badge' : 'badge badge-danger'}>{t(`review.${grant.review.outcome}`)}</span> {grant.review.note}</dd>
            <dt>{t('emergencyQueue.reviewedAt')}</dt><dd>{instant(grant.review.reviewedAt)}</dd>
          </>
        )}
      </dl>
      {!grant.review && <ReviewForm grant={grant} onReviewed={onReviewed} />}
    </li>
  )
}

function ReviewForm ({ grant, onReviewed }: { grant: Grant, onReviewed (): void }) {
  const { t } = useI18n()
  const [outcome, setOutcome] = useState<Outcome | ''>('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()

  async function submit (event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      unwrap(await rekam.records.POST('/api/audit/emergency-access/{id}/review', {
        params: { path: { id: grant.id } },
        body: { outcome: outcome as Outcome, note: note.trim() },
      }))
      onReviewed()
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  const fields = { outcome: t('emergencyQueue.outcome'), note: t('emergencyQueue.note') }
  return (
    <form onSubmit={submit} noValidate aria-label={t('emergencyQueue.reviewOf', { doctor: grant.doctor.fullName, patient: grant.patient.fullName })}>
      <ErrorAlert error={error} fields={fields} />
      <Select label={fields.outcome} required value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome | '')}>
        <option value=''>—</option>
        {OUTCOMES.map((o) => <option key={o} value={o}>{t(`review.${o}`)}</option>)}
      </Select>
      <TextArea label={fields.note} required maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type='submit' className='primary' disabled={busy}>{t('emergencyQueue.save')}</button>
    </form>
  )
}
