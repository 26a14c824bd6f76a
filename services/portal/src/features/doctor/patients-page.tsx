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
import { IntakeSearch } from './intake-search.js'

const LIMIT = 20

/**
 * A doctor's patients (the service lists only those in their care) or, for an admin, everyone's;
 * found by name, with their MRN, page, records; a returning patient by number (intake search);
 * and the way to register a new one.
 */
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
    <Page title={user.role === 'DOCTOR' ? t('patients.title') : t('patients.allTitle')} actions={<Link className='button primary' to='/patients/new'>{t('patients.register')}</Link>}>
      {user.role === 'DOCTOR' && <p>{t('patients.mineIntro')}</p>}
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
            <p>{t('patients.mrn')}: <span className='mrn'>{patient.mrn}</span><br />{t('patient.dateOfBirth')}: {day(patient.dateOfBirth)}</p>
            <div className='actions'>
              <Link className='button' to={`/patients/${patient.id}`} aria-label={`${t('patients.profile')}: ${patient.fullName}`}>{t('patients.profile')}</Link>
              <Link className='button' to={`/records?patientId=${patient.id}`} aria-label={`${t('patients.records')}: ${patient.fullName}`}>{t('patients.records')}</Link>
              {user.role === 'DOCTOR' && <Link className='button primary' to={`/records/new?patientId=${patient.id}`} aria-label={`${t('patients.newRecord')}: ${patient.fullName}`}>{t('patients.newRecord')}</Link>}
            </div>
          </li>
        ))}
      </ul>
      {patients.data && <Pager page={page} limit={LIMIT} total={patients.data.total} onPage={(p) => setParams({ ...(search ? { search } : {}), page: String(p) })} />}
      <IntakeSearch />
    </Page>
  )
}
