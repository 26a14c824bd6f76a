import type { ReactNode } from 'react'
import { useI18n } from '../../lib/i18n/provider.js'

/** A care relationship as the care-team routes answer it. */
export interface CareRelationship {
  id: string
  patientId: string
  doctor: { id: string, fullName: string, specialization: string }
  source: 'REGISTERED' | 'AUTHORED' | 'ASSIGNED' | 'GRANTED' | 'REFERRED'
  grantedBy: { userId: string | null, role: string }
  note: string | null
  startsAt: string
  endsAt: string | null
  endedByUserId: string | null
  active: boolean
}

/**
 * Care relationships: the doctor, how they came into care (told to the patient, or to staff:
 * `audience`), from when to when; `action` per row (end, revoke).
 */
export function CareTable ({ items, caption, audience, action }: { items: CareRelationship[], caption: string, audience: 'patient' | 'staff', action?: (relationship: CareRelationship) => ReactNode }) {
  const { t, instant } = useI18n()
  return (
    <div className='table-wrap'>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope='col'>{t('care.doctor')}</th>
            <th scope='col'>{t('care.source')}</th>
            <th scope='col'>{t('care.since')}</th>
            <th scope='col'>{t('care.until')}</th>
            <th scope='col'>{t('care.note')}</th>
            {action && <th scope='col'><span className='visually-hidden'>{t('care.actions')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>{r.doctor.fullName}<br /><small>{r.doctor.specialization}</small></td>
              <td>{audience === 'patient' ? t(`care.source.${r.source}`) : t(`careTeam.source.${r.source}`)}</td>
              <td>{instant(r.startsAt)}</td>
              <td>{r.endsAt ? instant(r.endsAt) : t('care.openEnded')}</td>
              <td>{r.note ?? '—'}</td>
              {action && <td>{action(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
