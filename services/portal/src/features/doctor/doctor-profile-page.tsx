import { RekamApiError, unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field } from '../../components/ui/field.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useLoad } from '../../lib/use-load.js'

type Draft = { fullName: string, specialization: string, licenseNumber: string }

/** The doctor's own profile (name, specialization, licence). */
export function DoctorProfilePage () {
  const { t } = useI18n()
  const profile = useLoad(async () => {
    try {
      return unwrap(await rekam.records.GET('/api/doctors/me')).doctor
    } catch (error) {
      if (error instanceof RekamApiError && error.code === 'NOT_FOUND') return null
      throw error
    }
  }, 'doctor-me')
  const d = profile.data
  return (
    <Page title={t('doctor.title')}>
      <ErrorAlert error={profile.error} />
      {profile.loading && d === undefined && <Loading />}
      {d !== undefined && <DoctorForm initial={{ fullName: d?.fullName ?? '', specialization: d?.specialization ?? '', licenseNumber: d?.licenseNumber ?? '' }} />}
    </Page>
  )
}

function DoctorForm ({ initial }: { initial: Draft }) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(initial)
  const [result, setResult] = useState<{ error?: unknown, saved?: boolean }>({})
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value })

  async function submit (event: FormEvent) {
    event.preventDefault()
    setResult({})
    try {
      unwrap(await rekam.records.PUT('/api/doctors/me', {
        body: { fullName: draft.fullName.trim(), specialization: draft.specialization.trim(), licenseNumber: draft.licenseNumber.trim() || null },
      }))
      setResult({ saved: true })
    } catch (error) {
      setResult({ error })
    }
  }

  const fields = { fullName: t('doctor.fullName'), specialization: t('doctor.specialization'), licenseNumber: t('doctor.license') }
  return (
    <form className='card narrow' onSubmit={submit} noValidate>
      <ErrorAlert error={result.error} fields={fields} />
      <Notice>{result.saved && t('patient.saved')}</Notice>
      <Field label={fields.fullName} autoComplete='name' required value={draft.fullName} onChange={set('fullName')} />
      <Field label={fields.specialization} required value={draft.specialization} onChange={set('specialization')} />
      <Field label={fields.licenseNumber} value={draft.licenseNumber} onChange={set('licenseNumber')} />
      <button type='submit' className='primary'>{t('doctor.save')}</button>
    </form>
  )
}
