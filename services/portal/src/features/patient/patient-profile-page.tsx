import { RekamApiError, unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { ProfileAccessLog } from '../../components/care/profile-access-log.js'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field, Select, TextArea } from '../../components/ui/field.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useLoad } from '../../lib/use-load.js'

type Gender = 'MALE' | 'FEMALE' | 'OTHER'
const GENDERS: Gender[] = ['MALE', 'FEMALE', 'OTHER']
type Draft = { fullName: string, dateOfBirth: string, gender: string, phone: string, address: string }

/**
 * The patient's own profile, with the MRN the clinic knows them by; a patient without one yet is
 * pointed to the claim page (registered at the desk) or fills it in here; who opened the profile.
 */
export function PatientProfilePage () {
  const { t } = useI18n()
  const profile = useLoad(async () => {
    try {
      return unwrap(await rekam.records.GET('/api/patients/me')).patient
    } catch (error) {
      if (error instanceof RekamApiError && error.code === 'NOT_FOUND') return null
      throw error
    }
  }, 'patient-me')
  const p = profile.data
  return (
    <Page title={t('patient.title')}>
      <ErrorAlert error={profile.error} />
      {profile.loading && p === undefined && <Loading />}
      {p === null && (
        <div className='pending'>
          <p>{t('patient.noProfile')} {t('patient.claimPointer')}</p>
          <p><Link to='/claim'>{t('patient.claimLink')}</Link></p>
          <p>{t('patient.orFill')}</p>
        </div>
      )}
      {p && <dl className='facts'><dt>{t('patient.mrn')}</dt><dd className='mrn'>{p.mrn}</dd></dl>}
      {p !== undefined && <PatientForm initial={{ fullName: p?.fullName ?? '', dateOfBirth: p?.dateOfBirth ?? '', gender: p?.gender ?? '', phone: p?.phone ?? '', address: p?.address ?? '' }} />}
      {p && <ProfileAccessLog />}
    </Page>
  )
}

function PatientForm ({ initial }: { initial: Draft }) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(initial)
  const [result, setResult] = useState<{ error?: unknown, saved?: boolean }>({})
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value })

  async function submit (event: FormEvent) {
    event.preventDefault()
    setResult({})
    try {
      unwrap(await rekam.records.PUT('/api/patients/me', {
        body: {
          fullName: draft.fullName.trim(),
          dateOfBirth: draft.dateOfBirth,
          gender: (draft.gender || null) as Gender | null,
          phone: draft.phone.trim() || null,
          address: draft.address.trim() || null,
        },
      }))
      setResult({ saved: true })
    } catch (error) {
      setResult({ error })
    }
  }

  const fields = { fullName: t('patient.fullName'), dateOfBirth: t('patient.dateOfBirth'), gender: t('patient.gender'), phone: t('patient.phone'), address: t('patient.address') }
  return (
    <form className='card narrow' onSubmit={submit} noValidate>
      <ErrorAlert error={result.error} fields={fields} />
      <Notice>{result.saved && t('patient.saved')}</Notice>
      <Field label={fields.fullName} autoComplete='name' required value={draft.fullName} onChange={set('fullName')} />
      <Field label={fields.dateOfBirth} type='date' autoComplete='bday' required value={draft.dateOfBirth} onChange={set('dateOfBirth')} />
      <Select label={fields.gender} value={draft.gender} onChange={set('gender')}>
        <option value=''>{t('patient.gender.none')}</option>
        {GENDERS.map((g) => <option key={g} value={g}>{t(`patient.gender.${g}`)}</option>)}
      </Select>
      <Field label={fields.phone} type='tel' autoComplete='tel' value={draft.phone} onChange={set('phone')} />
      <TextArea label={fields.address} autoComplete='street-address' value={draft.address} onChange={set('address')} />
      <button type='submit' className='primary'>{t('patient.save')}</button>
    </form>
  )
}
