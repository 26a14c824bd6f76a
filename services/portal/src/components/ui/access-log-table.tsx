import type { MessageKey } from '../../lib/i18n/en.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { useUser } from '../../lib/session.js'

/** An entry of a record's or a profile's access log, as both logs answer it. */
export interface AccessLogEntry {
  id: string
  at: string
  actorUserId: string | null
  actorRole: 'PATIENT' | 'DOCTOR' | 'ADMIN'
  /** The doctor's name; null for an actor without a doctor profile, and for a refusal shown to the patient. */
  actorName?: string | null
  action: 'READ' | 'CREATE' | 'UPDATE' | 'DELETE' | 'LIST' | 'SIGN' | 'AMEND'
  purpose?: 'TREATMENT' | 'EMERGENCY' | 'PATIENT' | 'ADMIN' | 'INTAKE'
  outcome?: 'ALLOWED' | 'DENIED'
  reason?: string | null
  count?: number
  lastAt?: string | null
}

const REFUSAL_REASONS = ['NOT_IN_CARE', 'NOT_OWNER', 'ROLE', 'NOT_AUTHOR', 'NO_DOCTOR_PROFILE']

/** Why a request was refused, in words (a reason this build does not know, as the API names it). */
export function useRefusalReason (): (reason: string | null | undefined) => string {
  const { t } = useI18n()
  return (reason) => !reason ? '—' : REFUSAL_REASONS.includes(reason) ? t(`refusals.reason.${reason}` as MessageKey) : reason
}

/**
 * Who opened it, when, how and why: the doctor by name with their role, an EMERGENCY read marked,
 * a refusal reads "someone was refused access" (a patient sees only the role; an admin also the
 * name, the account and the reason),
 * with its count when identical refusals were folded into one row.
 */
export function AccessLogTable ({ items, caption }: { items: AccessLogEntry[], caption?: string }) {
  const { t, instant } = useI18n()
  const user = useUser()
  const reasonText = useRefusalReason()
  return (
    <div className='table-wrap'>
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope='col'>{t('record.accessWhen')}</th>
            <th scope='col'>{t('record.accessWho')}</th>
            <th scope='col'>{t('record.accessAction')}</th>
            <th scope='col'>{t('accessLog.purpose')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => {
            const denied = entry.outcome === 'DENIED'
            const role = t(`role.${entry.actorRole}`)
            const who = entry.actorUserId !== null && entry.actorUserId === user.id
              ? t('record.accessYou')
              : entry.actorName ? <>{entry.actorName}<br /><small>{role}</small></> : role
            return (
              <tr key={entry.id} className={denied ? 'denied' : undefined}>
                <td>{instant(entry.at)}</td>
                <td>
                  {who}
                  {user.role === 'ADMIN' && entry.actorUserId && entry.actorUserId !== user.id && <><br /><code>{entry.actorUserId.slice(0, 8)}</code></>}
                </td>
                <td>
                  {denied
                    ? (
                      <>
                        <strong>{t('accessLog.refused')}</strong> ({t(`action.${entry.action}`)})
                        {(entry.count ?? 1) > 1 && <><br /><small>{t('accessLog.times', { count: entry.count ?? 1, time: instant(entry.lastAt ?? entry.at) })}</small></>}
                        {user.role === 'ADMIN' && entry.reason && <><br /><small>{reasonText(entry.reason)}</small></>}
                      </>
                      )
                    : t(`action.${entry.action}`)}
                </td>
                <td>
                  {denied || !entry.purpose
                    ? '—'
                    : entry.purpose === 'EMERGENCY'
                      ? <span className='badge badge-warning emergency-mark'>{t('purpose.EMERGENCY')}</span>
                      : t(`purpose.${entry.purpose}`)}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
