import { RekamApiError, unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { CareTable, type CareRelationship } from './care-table.js'
import { DoctorSelect, type DoctorChoice } from './doctor-select.js'
import { ErrorAlert } from '../ui/error-alert.js'
import { TextArea } from '../ui/field.js'
import { Notice } from '../ui/notice.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useUser } from '../../lib/session.js'
import { useLoad } from '../../lib/use-load.js'

/**
 * A patient's care team on their page, for staff: an admin assigns a doctor and ends a
 * relationship; a doctor in care refers the patient to another doctor (for REFERRAL_DAYS). A
 * doctor outside care (reading under emergency access) is refused the team and sees nothing here.
 */
export function CareTeamSection ({ patientId }: { patientId: string }) {
  const { t, instant } = useI18n()
  const user = useUser()
  const team = useLoad(async () => unwrap(await rekam.records.GET('/api/patients/{id}/care-team', { params: { path: { id: patientId } } })).items as CareRelationship[], `care-team-${patientId}`)
  const [done, setDone] = useState<string>()
  const [error, setError] = useState<unknown>()
  // Shown once known: a doctor outside care (under emergency access) is refused the team, and sees no section.
  if ((!team.data && !team.error) || (team.error instanceof RekamApiError && team.error.status === 403)) return null
  const items = team.data ?? []
  const active = items.filter((r) => r.active)
  const admin = user.role === 'ADMIN'

  async function end (relationship: CareRelationship) {
    const name = relationship.doctor.fullName
    if (!window.confirm(t('careTeam.confirmEnd', { name }))) return
    setDone(undefined)
    setError(undefined)
    try {
      unwrap(await rekam.records.DELETE('/api/patients/{id}/care-team/{relationshipId}', { params: { path: { id: patientId, relationshipId: relationship.id } } }))
      setDone(t('careTeam.ended', { name }))
      team.reload()
    } catch (err) {
      setError(err)
    }
  }

  const added = (message: string) => {
    setError(undefined)
    setDone(message)
    team.reload()
  }
  return (
    <section className='card' aria-labelledby='care-team-title'>
      <h2 id='care-team-title'>{t('careTeam.title')}</h2>
      <Notice>{done}</Notice>
      <ErrorAlert error={team.error ?? error} />
      {team.data && active.length === 0 && <p>{t('careTeam.empty')}</p>}
      {active.length > 0 && (
        <CareTable
          items={active} caption={t('careTeam.title')} audience='staff'
          action={admin ? (r) => <button type='button' className='danger' aria-label={t('careTeam.endNamed', { name: `${r.doctor.fullName} (${t(`careTeam.source.${r.source}`)})` })} onClick={() => { end(r).catch(() => {}) }}>{t('careTeam.end')}</button> : undefined}
        />
      )}
      {team.data && (admin
        ? <AddDoctor patientId={patientId} kind='assign' onAdded={(r) => added(t('careTeam.assigned', { name: r.doctor.fullName }))} />
        : <AddDoctor patientId={patientId} kind='refer' exclude={active.map((r) => r.doctor.id)} onAdded={(r) => added(t('careTeam.referred', { name: r.doctor.fullName, date: r.endsAt ? instant(r.endsAt) : '—' }))} />)}
    </section>
  )
}

/** An admin's assignment (ASSIGNED, open-ended) or a doctor's referral (REFERRED, time-limited). */
function AddDoctor ({ patientId, kind, exclude = [], onAdded }: { patientId: string, kind: 'assign' | 'refer', exclude?: string[], onAdded (relationship: CareRelationship): void }) {
  const { t } = useI18n()
  const [doctor, setDoctor] = useState<DoctorChoice>()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()

  async function submit (event: FormEvent) {
    event.preventDefault()
    if (!doctor) return
    setBusy(true)
    setError(undefined)
    const body = { doctorId: doctor.id, ...(note.trim() ? { note: note.trim() } : {}) }
    const params = { path: { id: patientId } }
    try {
      const { relationship } = kind === 'assign'
        ? unwrap(await rekam.records.POST('/api/patients/{id}/care-team', { params, body }))
        : unwrap(await rekam.records.POST('/api/patients/{id}/referrals', { params, body }))
      setDoctor(undefined)
      setNote('')
      onAdded(relationship as CareRelationship)
    } catch (err) {
      setError(err)
    }
    setBusy(false)
  }

  const title = kind === 'assign' ? t('careTeam.assignTitle') : t('careTeam.referTitle')
  const titleId = `care-${kind}-title`
  return (
    <form className='narrow' onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      {kind === 'refer' && <p>{t('careTeam.referIntro')}</p>}
      <ErrorAlert error={error} fields={{ doctorId: t('care.doctor'), note: t('careTeam.note') }} />
      <DoctorSelect label={t('care.doctor')} value={doctor?.id ?? ''} onChange={setDoctor} exclude={exclude} />
      <TextArea label={t('careTeam.note')} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type='submit' className='primary' disabled={busy || !doctor}>{kind === 'assign' ? t('careTeam.assign') : t('careTeam.refer')}</button>
    </form>
  )
}
