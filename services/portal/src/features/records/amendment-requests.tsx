import { useState } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { useLoad } from '../../lib/use-load.js'
import { loadRequests, type AmendmentRequest, type MedicalRecord } from './api.js'
import { DeclineForm } from './decline-form.js'
import { RequestForm } from './request-form.js'
import { RequestList } from './request-list.js'

/**
 * A record's amendment requests: its patient asks for a correction and follows the decision; its
 * author (or an admin) accepts one (the amendment form opens, `onAccept`) or declines it with a reason.
 */
export function AmendmentRequests ({ record, asPatient, mayDecide, onAccept }: {
  record: MedicalRecord
  asPatient: boolean
  mayDecide: boolean
  onAccept (request: AmendmentRequest): void
}) {
  const { t } = useI18n()
  const requests = useLoad(async () => loadRequests(record.id), `requests-${record.id}`)
  const [declining, setDeclining] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const done = (message: string) => {
    setNotice(message)
    setDeclining(undefined)
    requests.reload()
  }

  const actions = (r: AmendmentRequest) => r.status !== 'PENDING'
    ? null
    : declining === r.id
      ? <DeclineForm request={r} onDone={() => done(t('requests.declined'))} onCancel={() => setDeclining(undefined)} />
      : (
        <div className='actions'>
          <button type='button' className='primary' onClick={() => onAccept(r)}>{t('requests.accept')}</button>
          <button type='button' onClick={() => { setNotice(undefined); setDeclining(r.id) }}>{t('requests.decline')}</button>
        </div>
        )

  return (
    <section aria-labelledby='requests-title'>
      <h2 id='requests-title'>{t('requests.title')}</h2>
      <Notice>{notice}</Notice>
      <ErrorAlert error={requests.error} />
      {requests.loading && !requests.data && <Loading />}
      {requests.data && <RequestList requests={requests.data} actions={mayDecide ? actions : undefined} />}
      {asPatient && record.status !== 'entered-in-error' && <RequestForm recordId={record.id} onSent={() => done(t('requests.sent'))} />}
    </section>
  )
}
