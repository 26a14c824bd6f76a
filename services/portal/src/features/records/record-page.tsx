import { unwrap } from '@rekam/client'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { EmergencyBanner, EmergencyGate, refusedPatientId } from '../../components/care/emergency-access.js'
import { Loading } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useEmergency } from '../../lib/emergency.js'
import { useUser } from '../../lib/session.js'
import { useLoad } from '../../lib/use-load.js'
import { AccessLog } from './access-log.js'
import { DeleteRecord } from './delete-record.js'

/**
 * One record; its patient (and an admin) also sees who opened it; its author may edit it, or delete it
 * with a reason (it is entered in error, kept).
 * A doctor outside the patient's care is refused, and offered emergency access.
 */
export function RecordPage () {
  const { t, day, instant } = useI18n()
  const user = useUser()
  const navigate = useNavigate()
  const id = useParams().id!
  const [deleting, setDeleting] = useState(false)
  const record = useLoad(async () => unwrap(await rekam.records.GET('/api/records/{id}', { params: { path: { id } } })).record, `record-${id}`)
  const me = useLoad(async () => user.role === 'DOCTOR' ? unwrap(await rekam.records.GET('/api/doctors/me')).doctor : undefined, `doctor-${user.id}`)
  const r = record.data
  // Emergency access reads only: its author outside care changes nothing either.
  const emergency = useEmergency(user.id, user.role === 'DOCTOR' ? r?.patientId : undefined)
  const mayChange = r && !r.deletedAt && !emergency && (user.role === 'ADMIN' || (me.data && me.data.id === r.doctorId))

  return (
    <Page title={r ? `${t('record.title')} · ${day(r.visitDate)}` : t('record.title')}>
      <p><Link to='/records'>{t('record.back')}</Link></p>
      <EmergencyBanner patientId={r?.patientId} />
      {record.error !== undefined && <EmergencyGate error={record.error} patientId={refusedPatientId(record.error)} onGranted={() => record.reload()} />}
      {record.loading && !r && <Loading />}
      {r && (
        <article className='card record'>
          {r.deletedAt && <p className='alert alert-info'>{t('record.deletedOn', { date: instant(r.deletedAt) })}</p>}
          <dl className='facts'>
            <dt>{t('records.visitDate')}</dt><dd>{day(r.visitDate)}</dd>
            {r.patient && <><dt>{t('records.patient')}</dt><dd>{r.patient.fullName}</dd></>}
            <dt>{t('records.doctor')}</dt><dd>{r.doctor.fullName} · {r.doctor.specialization}</dd>
            <dt>{t('records.complaint')}</dt><dd>{r.complaint}</dd>
            <dt>{t('records.diagnosis')}</dt><dd>{r.diagnosis}</dd>
            <dt>{t('records.treatment')}</dt><dd>{r.treatment}</dd>
            {r.prescription && <><dt>{t('records.prescription')}</dt><dd>{r.prescription}</dd></>}
            {r.notes && <><dt>{t('records.notes')}</dt><dd>{r.notes}</dd></>}
            <dt>{t('record.created')}</dt><dd>{instant(r.createdAt)}</dd>
            <dt>{t('record.updated')}</dt><dd>{instant(r.updatedAt)}</dd>
          </dl>
          {mayChange && !deleting && (
            <div className='actions'>
              <Link className='button' to={`/records/${r.id}/edit`}>{t('record.edit')}</Link>
              <button type='button' className='danger' onClick={() => setDeleting(true)}>{t('record.delete')}</button>
            </div>
          )}
        </article>
      )}
      {r && mayChange && deleting && (
        <DeleteRecord
          recordId={r.id} version={r.version} onCancel={() => setDeleting(false)}
          onDeleted={() => navigate(`/records?patientId=${r.patientId}`, { replace: true })}
        />
      )}
      {r && (user.role === 'PATIENT' || user.role === 'ADMIN') && <AccessLog recordId={r.id} />}
    </Page>
  )
}
