import { unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
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

/** Staff find a patient by name and go on to their records, or write one. */
export function PatientsPage () {
  const { t, day } = useI18n()
  const user = useUser()
  const [params, setParams] = useSearchParams()
  const search = params.get('search') ?? ''
  const page = Number(params.get('page') ?? 1) || 1
  const [draft, setDraft] = useState(search)
  const patients = useLoad(async () => unwrap(await rekam.records.GET('/api/patients', {
    params: { query: { page, limit: LIMIT, ...(search ? { search } : {}) } },
  })), params.toString())

  function submit (event: FormEvent) {
    event.preventDefault()
    setParams(draft.trim() ? { search: draft.trim() } : {})
  }
  const items = patients.data?.items ?? []
  return (
    <Page title={t('patients.title')}>
      <form className='filters' role='search' onSubmit={submit}>
        <Field label={t('patients.search')} type='search' value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type='submit'>{t('patients.searchButton')}</button>
      </form>
      <ErrorAlert error={patients.error} />
      {patients.loading && !patients.data && <Loading />}
      {patients.data && items.length === 0 && <p>{t('patients.empty')}</p>}
      <ul className='cards'>
        {items.map((patient) => (
          <li key={patient.id} className='card'>
            <h2 className='card-title'>{patient.fullName}</h2>
            <p>{t('patient.dateOfBirth')}: {day(patient.dateOfBirth)}</p>
            <div className='actions'>
              <Link className='button' to={`/records?patientId=${patient.id}`} aria-label={`${t('patients.records')}: ${patient.fullName}`}>{t('patients.records')}</Link>
              {user.role === 'DOCTOR' && <Link className='button primary' to={`/records/new?patientId=${patient.id}`} aria-label={`${t('patients.newRecord')}: ${patient.fullName}`}>{t('patients.newRecord')}</Link>}
            </div>
          </li>
        ))}
      </ul>
      {patients.data && <Pager page={page} limit={LIMIT} total={patients.data.total} onPage={(p) => setParams({ ...(search ? { search } : {}), page: String(p) })} />}
    </Page>
  )
}
