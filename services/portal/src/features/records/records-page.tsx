import { unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { EmergencyBanner, EmergencyGate, isCareRefusal } from '../../components/care/emergency-access.js'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field } from '../../components/ui/field.js'
import { Loading } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { Pager } from '../../components/ui/pager.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useUser } from '../../lib/session.js'
import { useLoad } from '../../lib/use-load.js'

const LIMIT = 20

/**
 * Medical records: a patient's own, each with its doctor; staff see everyone's they may, filtered
 * by patient (`?patientId=`) and by visit date. A doctor
 * outside that patient's care is refused, and offered emergency access.
 */
export function RecordsPage () {
  const { t, day } = useI18n()
  const user = useUser()
  const staff = user.role !== 'PATIENT'
  const [params, setParams] = useSearchParams()
  const page = Number(params.get('page') ?? 1) || 1
  const patientId = params.get('patientId') ?? undefined
  const from = params.get('from') ?? undefined
  const to = params.get('to') ?? undefined
  const [draft, setDraft] = useState({ from: from ?? '', to: to ?? '' })

  const records = useLoad(async () => unwrap(await rekam.records.GET('/api/records', {
    params: { query: { page, limit: LIMIT, ...(patientId ? { patientId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) } },
  })), params.toString())
  const patient = useLoad(async () => patientId ? unwrap(await rekam.records.GET('/api/patients/{id}', { params: { path: { id: patientId } } })).patient : undefined, `patient-${patientId}`)

  function update (next: Record<string, string | undefined>) {
    const merged = new URLSearchParams(params)
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value)
      else merged.delete(key)
    }
    setParams(merged)
  }
  function filter (event: FormEvent) {
    event.preventDefault()
    update({ from: draft.from, to: draft.to, page: undefined })
  }

  if (patientId && isCareRefusal(patient.error, user.role)) {
    const granted = () => {
      patient.reload()
      records.reload()
    }
    return (
      <Page title={t('records.staffTitle')}>
        <EmergencyGate error={patient.error} patientId={patientId} onGranted={granted} />
      </Page>
    )
  }

  const title = patient.data ? t('patients.recordsOf', { name: patient.data.fullName }) : staff ? t('records.staffTitle') : t('records.title')
  const items = records.data?.items ?? []
  return (
    <Page title={title} actions={staff && patientId && user.role === 'DOCTOR' ? <Link className='button primary' to={`/records/new?patientId=${patientId}`}>{t('patients.newRecord')}</Link> : undefined}>
      <EmergencyBanner patientId={patientId} />
      {staff && (
        <form className='filters' onSubmit={filter}>
          <Field label={t('records.from')} type='date' value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          <Field label={t('records.to')} type='date' value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          <button type='submit'>{t('records.filter')}</button>
          <button type='button' onClick={() => { setDraft({ from: '', to: '' }); update({ from: undefined, to: undefined, page: undefined }) }}>{t('records.clearFilter')}</button>
        </form>
      )}
      <ErrorAlert error={records.error} fields={{ from: t('records.from'), to: t('records.to') }} />
      {records.loading && !records.data && <Loading />}
      {records.data && items.length === 0 && <p>{t('records.empty')}</p>}
      {items.length > 0 && (
        <div className='table-wrap'>
          <table>
            <caption>{t('records.count', { total: records.data?.total ?? 0 })}</caption>
            <thead>
              <tr>
                <th scope='col'>{t('records.visitDate')}</th>
                {staff && <th scope='col'>{t('records.patient')}</th>}
                <th scope='col'>{t('records.doctor')}</th>
                <th scope='col'>{t('records.diagnosis')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((record) => (
                <tr key={record.id}>
                  <td><Link to={`/records/${record.id}`}>{day(record.visitDate)}</Link></td>
                  {staff && <td>{record.patient?.fullName ?? '—'}</td>}
                  <td>{record.doctor.fullName}<br /><small>{record.doctor.specialization}</small></td>
                  <td>{record.diagnosis}<br /><small>{t(`record.status.${record.status}`)}</small></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {records.data && <Pager page={page} limit={LIMIT} total={records.data.total} onPage={(p) => update({ page: String(p) })} />}
    </Page>
  )
}
