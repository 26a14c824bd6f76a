import { unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { CareTable, type CareRelationship } from '../../components/care/care-table.js'
import { DoctorSelect, type DoctorChoice } from '../../components/care/doctor-select.js'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useLoad } from '../../lib/use-load.js'

/**
 * The patient's care team: the doctors who may read their profile and records (and how each came
 * to), granting a doctor access, ending a doctor's access (every relationship of that doctor: the
 * patient decides who treats them), the ended ones, and who used emergency access and why.
 */
export function CareTeamPage () {
  const { t } = useI18n()
  const team = useLoad(async () => unwrap(await rekam.records.GET('/api/patients/me/care-team')).items as CareRelationship[], 'care-team')
  const [done, setDone] = useState<string>()
  const [error, setError] = useState<unknown>()
  const items = team.data ?? []
  const active = items.filter((r) => r.active)
  const ended = items.filter((r) => !r.active)

  async function revoke (relationship: CareRelationship) {
    const name = relationship.doctor.fullName
    if (!window.confirm(t('care.confirmRevoke', { name }))) return
    setDone(undefined)
    setError(undefined)
    try {
      unwrap(await rekam.records.DELETE('/api/patients/me/care-team/{doctorId}', { params: { path: { doctorId: relationship.doctor.id } } }))
      setDone(t('care.revoked', { name }))
      team.reload()
    } catch (err) {
      setError(err)
    }
  }

  // One "end access" per doctor: it ends every relationship of theirs.
  const firstOfDoctor = new Set(active.filter((r, i) => active.findIndex((o) => o.doctor.id === r.doctor.id) === i).map((r) => r.id))
  return (
    <Page title={t('care.title')}>
      <p>{t('care.intro')}</p>
      <Notice>{done}</Notice>
      <ErrorAlert error={team.error ?? error} />
      {team.loading && !team.data && <Loading />}
      {team.data && (
        <section aria-labelledby='care-current-title'>
          <h2 id='care-current-title'>{t('care.current')}</h2>
          {active.length === 0
            ? <p>{t('care.empty')}</p>
            : <CareTable
                items={active} caption={t('care.current')} audience='patient'
                action={(r) => firstOfDoctor.has(r.id) && <button type='button' className='danger' aria-label={t('care.revokeNamed', { name: r.doctor.fullName })} onClick={() => { revoke(r).catch(() => {}) }}>{t('care.revoke')}</button>}
              />}
        </section>
      )}
      {team.data && (
        <GrantForm
          exclude={active.filter((r) => r.source === 'GRANTED').map((r) => r.doctor.id)}
          onGranted={(name) => { setError(undefined); setDone(t('care.granted', { name })); team.reload() }}
        />
      )}
      {team.data && (
        <section aria-labelledby='care-history-title'>
          <h2 id='care-history-title'>{t('care.history')}</h2>
          {ended.length === 0 ? <p>{t('care.historyEmpty')}</p> : <CareTable items={ended} caption={t('care.history')} audience='patient' />}
        </section>
      )}
      <EmergencyAccessOnMe />
    </Page>
  )
}

function GrantForm ({ exclude, onGranted }: { exclude: string[], onGranted (name: string): void }) {
  const { t } = useI18n()
  const [doctor, setDoctor] = useState<DoctorChoice>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()

  async function submit (event: FormEvent) {
    event.preventDefault()
    if (!doctor) return
    setBusy(true)
    setError(undefined)
    try {
      unwrap(await rekam.records.POST('/api/patients/me/care-team', { body: { doctorId: doctor.id } }))
      setDoctor(undefined)
      onGranted(doctor.fullName)
    } catch (err) {
      setError(err)
    }
    setBusy(false)
  }

  return (
    <form className='card narrow' onSubmit={submit} noValidate aria-labelledby='care-grant-title'>
      <h2 id='care-grant-title'>{t('care.grantTitle')}</h2>
      <p>{t('care.grantIntro')}</p>
      <ErrorAlert error={error} />
      <DoctorSelect label={t('care.doctor')} value={doctor?.id ?? ''} onChange={setDoctor} exclude={exclude} />
      <button type='submit' className='primary' disabled={busy || !doctor}>{t('care.grant')}</button>
    </form>
  )
}

/** Who broke the glass on this patient, why, how often they read, and what the clinic's review found. */
function EmergencyAccessOnMe () {
  const { t, instant } = useI18n()
  const grants = useLoad(async () => unwrap(await rekam.records.GET('/api/patients/me/emergency-access')).items, 'emergency-on-me')
  const items = grants.data ?? []
  return (
    <section aria-labelledby='care-emergency-title'>
      <h2 id='care-emergency-title'>{t('care.emergencyTitle')}</h2>
      <p>{t('care.emergencyIntro')}</p>
      <ErrorAlert error={grants.error} />
      {grants.data && items.length === 0 && <p>{t('care.emergencyEmpty')}</p>}
      {items.length > 0 && (
        <div className='table-wrap'>
          <table>
            <caption>{t('care.emergencyTitle')}</caption>
            <thead>
              <tr>
                <th scope='col'>{t('care.emergencyWhen')}</th>
                <th scope='col'>{t('care.doctor')}</th>
                <th scope='col'>{t('care.emergencyReason')}</th>
                <th scope='col'>{t('care.emergencyReads')}</th>
                <th scope='col'>{t('care.emergencyReview')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((g) => (
                <tr key={g.id}>
                  <td>{instant(g.startsAt)} – {instant(g.endsAt)}</td>
                  <td>{g.doctor.fullName}</td>
                  <td>{g.reason}</td>
                  <td>{g.reads}</td>
                  <td>{g.review ? t(`review.${g.review.outcome}`) : t('review.pending')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
