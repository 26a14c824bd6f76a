import type { ReactNode } from 'react'
import { useI18n } from '../../lib/i18n/provider.js'
import type { AmendmentRequest } from './api.js'

const STATUS_CLASS: Record<AmendmentRequest['status'], string> = {
  PENDING: 'badge badge-warning',
  ACCEPTED: 'badge',
  DECLINED: 'badge badge-danger',
}

/** A patient's amendment requests with their decisions; `actions` adds what the reader may do on one. */
export function RequestList ({ requests, actions }: { requests: AmendmentRequest[], actions?: (request: AmendmentRequest) => ReactNode }) {
  const { t, instant } = useI18n()
  if (requests.length === 0) return <p>{t('requests.empty')}</p>
  return (
    <ul className='requests'>
      {requests.map((r) => (
        <li key={r.id} className='card'>
          <p className='request-head'>
            <span className={STATUS_CLASS[r.status]}>{t(`requests.status.${r.status}`)}</span>{' '}
            <small>{t('requests.askedOn', { date: instant(r.createdAt) })}</small>
          </p>
          <blockquote className='request-text'>{r.text}</blockquote>
          {r.decidedAt && (
            <p>
              <small>{t('requests.decidedOn', { date: instant(r.decidedAt) })}</small>
              {r.resultingVersion && <> · {t('requests.resultingVersion', { version: r.resultingVersion })}</>}
            </p>
          )}
          {r.decisionReason && <p><strong>{t('requests.decisionReason')}:</strong> {r.decisionReason}</p>}
          {actions?.(r)}
        </li>
      ))}
    </ul>
  )
}
