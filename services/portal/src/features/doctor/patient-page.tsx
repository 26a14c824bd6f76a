import { unwrap } from '@rekam/client'
import { Link, useLocation, useParams } from 'react-router'
import { CareTeamSection } from '../../components/care/care-team-section.js'
import { EmergencyBanner, EmergencyGate } from '../../components/care/emergency-access.js'
import { ProfileAccessLog } from '../../components/care/profile-access-log.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useUser } from '../../lib/session.js'
import { useLoad } from '../../lib/use-load.js'
import { ClaimCode } from './claim-code.js'

/** What the registration page hands over: the new patient's name and MRN, to confirm. */
interface Registered { registered?: { name: string, mrn: string } }

/**
 * One patient, for staff who may read them (an admin, a doctor in their care): MRN, NIK, BPJS
 * number and contact details (the read is audited), their records, and the claim code that links
 * a profile registered at the desk to the patient's own account; the care team (an admin assigns
 * and ends, a doctor in care refers). A doctor outside care is refused, and offered emergency access.
 */
export function PatientPage () {
  const { t, day } = useI18n()
  const user = useUser()
  const id = useParams().id!
  const registered = (useLocation().state as Registered | null)?.registered
  const patient = useLoad(async () => unwrap(await rekam.records.GET('/api/patients/{id}', { params: { path: { id } } })).patient, `patient-${id}`)
  const p = patient.data
  const none = <span className='muted'>{t('patientView.none')}</span>
  return (
    <Page title={p ? p.fullName : t('patientView.title')}>
      <Notice>{registered && t('frontDesk.registered', { name: registered.name, mrn: registered.mrn })}</Notice>
      <EmergencyBanner patientId={id} />
      {patient.error !== undefined && <EmergencyGate error={patient.error} patientId={id} onGranted={() => patient.reload()} />}
      {patient.loading && !p && <Loading />}
      {p && (
        <>
          <article className='card'>
            <dl className='facts'>
              <dt>{t('patientView.mrn')}</dt><dd className='mrn'>{p.mrn}</dd>
              <dt>{t('patient.dateOfBirth')}</dt><dd>{day(p.dateOfBirth)}</dd>
              <dt>{t('patient.gender')}</dt><dd>{p.gender ? t(`patient.gender.${p.gender}`) : t('patient.gender.none')}</dd>
              <dt>{t('patientView.nik')}</dt><dd>{p.nik ?? none}</dd>
              <dt>{t('patientView.bpjs')}</dt><dd>{p.bpjsNumber ?? none}</dd>
              <dt>{t('patient.phone')}</dt><dd>{p.phone ?? none}</dd>
              <dt>{t('patientView.email')}</dt><dd>{p.email ?? none}</dd>
              <dt>{t('patient.address')}</dt><dd>{p.address ?? none}</dd>
              <dt>{t('patientView.account')}</dt><dd>{p.claimed ? t('patientView.claimed') : t('patientView.unclaimed')}</dd>
            </dl>
            <div className='actions'>
              <Link className='button' to={`/records?patientId=${p.id}`}>{t('patients.records')}</Link>
              {user.role === 'DOCTOR' && <Link className='button primary' to={`/records/new?patientId=${p.id}`}>{t('patients.newRecord')}</Link>}
            </div>
          </article>
          {!p.claimed && <ClaimCode patient={p} onClaimed={() => patient.reload()} />}
          <CareTeamSection patientId={p.id} />
          {user.role === 'ADMIN' && <ProfileAccessLog patientId={p.id} />}
        </>
      )}
    </Page>
  )
}
