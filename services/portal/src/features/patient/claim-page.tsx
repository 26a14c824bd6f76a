import { RekamApiError, unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field } from '../../components/ui/field.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useLoad } from '../../lib/use-load.js'

interface Profile { mrn: string, fullName: string, dateOfBirth: string }

/**
 * A signed-in patient without a profile claims the one the clinic registered at the front desk,
 * with the code printed for them; then sees it (name, MRN). A patient who has a profile is told so.
 */
export function ClaimPage () {
  const { t } = useI18n()
  const [claimed, setClaimed] = useState<Profile>()
  const existing = useLoad(async () => {
    try {
      return unwrap(await rekam.records.GET('/api/patients/me')).patient
    } catch (error) {
      if (error instanceof RekamApiError && error.code === 'NOT_FOUND') return null
      throw error
    }
  }, 'patient-me')
  return (
    <Page title={t('claim.title')}>
      <ErrorAlert error={existing.error} />
      {existing.loading && existing.data === undefined && <Loading />}
      {claimed && <ClaimedProfile profile={claimed} done />}
      {!claimed && existing.data && <ClaimedProfile profile={existing.data} />}
      {!claimed && existing.data === null && <ClaimForm onClaimed={setClaimed} />}
    </Page>
  )
}

function ClaimForm ({ onClaimed }: { onClaimed (profile: Profile): void }) {
  const { t } = useI18n()
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()

  async function submit (event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      onClaimed(unwrap(await rekam.records.POST('/api/patients/claim', { body: { code: code.trim() } })).patient)
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  const conflict = error instanceof RekamApiError && error.code === 'CONFLICT'
  return (
    <>
      <p>{t('claim.intro')}</p>
      <form className='card narrow' onSubmit={submit} noValidate>
        {conflict ? <p className='alert alert-error' role='alert'>{t('claim.conflict')}</p> : <ErrorAlert error={error} fields={{ code: t('claim.code') }} />}
        <Field label={t('claim.code')} hint={t('claim.codeHint')} autoComplete='off' autoCapitalize='characters' spellCheck={false} required className='code-input' value={code} onChange={(e) => setCode(e.target.value)} />
        <button type='submit' className='primary' disabled={busy}>{t('claim.submit')}</button>
      </form>
    </>
  )
}

function ClaimedProfile ({ profile, done = false }: { profile: Profile, done?: boolean }) {
  const { t, day } = useI18n()
  return (
    <article className='card narrow'>
      {done ? <Notice>{t('claim.done')}</Notice> : <p>{t('claim.have')}</p>}
      <dl className='facts'>
        <dt>{t('patient.fullName')}</dt><dd>{profile.fullName}</dd>
        <dt>{t('patient.mrn')}</dt><dd className='mrn'>{profile.mrn}</dd>
        <dt>{t('patient.dateOfBirth')}</dt><dd>{day(profile.dateOfBirth)}</dd>
      </dl>
      <div className='actions'>
        <Link className='button primary' to='/records'>{t('claim.toRecords')}</Link>
        <Link className='button' to='/patient/profile'>{t('claim.toProfile')}</Link>
      </div>
    </article>
  )
}
