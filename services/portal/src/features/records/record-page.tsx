import { unwrap } from '@rekam/client'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { EmergencyBanner, EmergencyGate, refusedPatientId } from '../../components/care/emergency-access.js'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useEmergency } from '../../lib/emergency.js'
import { useUser } from '../../lib/session.js'
import { useLoad } from '../../lib/use-load.js'
import { AccessLog } from './access-log.js'
import { AmendmentForm } from './amendment-form.js'
import { AmendmentRequests } from './amendment-requests.js'
import { DeleteRecord } from './delete-record.js'
import { loadRecord, type AmendmentRequest } from './api.js'
import { RecordFacts } from './record-facts.js'
import { RecordStatus } from './record-status.js'
import { SignButton } from './sign-button.js'

/**
 * One record, its status and version (a final one's signature checked here); its patient (and an
 * admin) also sees who opened it and asks for corrections. Its author edits and signs a draft;
 * the author or an admin amends a final record, answers the patient's requests, or deletes it with
 * a reason (it is entered in error, kept).
 * A doctor outside the patient's care is refused, and offered emergency access.
 */
export function RecordPage () {
  const { t, day, instant } = useI18n()
  const user = useUser()
  const navigate = useNavigate()
  const id = useParams().id!
  const [actionError, setActionError] = useState<unknown>()
  const [notice, setNotice] = useState<string>()
  // The amendment form, open for an amendment of the author's own or to accept a patient's request.
  const [amending, setAmending] = useState<{ request?: AmendmentRequest }>()
  const [deleting, setDeleting] = useState(false)
  const record = useLoad(async () => loadRecord(id), `record-${id}`)
  const me = useLoad(async () => user.role === 'DOCTOR' ? unwrap(await rekam.records.GET('/api/doctors/me')).doctor : undefined, `doctor-${user.id}`)
  const r = record.data
  // Emergency access reads only: its author outside care changes nothing either.
  const emergency = useEmergency(user.id, user.role === 'DOCTOR' ? r?.patientId : undefined)
  const isAuthor = Boolean(r && me.data && me.data.id === r.doctorId)
  const mayChange = Boolean(r && !r.deletedAt && !emergency && (user.role === 'ADMIN' || isAuthor))

  function changed (message: string) {
    setAmending(undefined)
    setNotice(message)
    record.reload()
  }

  return (
    <Page title={r ? `${t('record.title')} · ${day(r.visitDate)}` : t('record.title')}>
      <p className='actions'>
        <Link to='/records'>{t('record.back')}</Link>
        {r && <Link to={`/records/${r.id}/history`}>{t('record.history')}</Link>}
      </p>
      <EmergencyBanner patientId={r?.patientId} />
      {record.error ? <EmergencyGate error={record.error} patientId={refusedPatientId(record.error)} onGranted={() => record.reload()} /> : <ErrorAlert error={actionError} />}
      <Notice>{notice}</Notice>
      {record.loading && !r && <Loading />}
      {r && (
        <article className='card record'>
          {r.deletedAt && <p className='alert alert-info'>{t('record.deletedOn', { date: instant(r.deletedAt) })}</p>}
          <RecordStatus record={r} />
          <RecordFacts record={r} />
          {mayChange && !deleting && (
            <div className='actions'>
              {r.status === 'draft' && <Link className='button' to={`/records/${r.id}/edit`}>{t('record.edit')}</Link>}
              {r.status === 'draft' && isAuthor && <SignButton record={r} onSigned={() => changed(t('record.signedNow'))} onError={setActionError} />}
              {r.status === 'final' && !amending && <button type='button' onClick={() => { setNotice(undefined); setAmending({}) }}>{t('record.amend')}</button>}
              <button type='button' className='danger' onClick={() => { setAmending(undefined); setDeleting(true) }}>{t('record.delete')}</button>
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
      {r && amending && (
        <AmendmentForm
          key={amending.request?.id ?? 'amend'}
          record={r}
          request={amending.request}
          onDone={(version) => changed(t(amending.request ? 'amend.accepted' : 'amend.done', { version }))}
          onCancel={() => setAmending(undefined)}
        />
      )}
      {r && (user.role === 'PATIENT' || mayChange) && (
        <AmendmentRequests key={r.version} record={r} asPatient={user.role === 'PATIENT'} mayDecide={mayChange} onAccept={(request) => { setNotice(undefined); setAmending({ request }) }} />
      )}
      {r && (user.role === 'PATIENT' || user.role === 'ADMIN') && <AccessLog recordId={r.id} />}
    </Page>
  )
}
