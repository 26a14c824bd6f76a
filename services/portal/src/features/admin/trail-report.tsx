import { useId } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import type { MessageKey } from '../../lib/i18n/en.js'
import { useI18n } from '../../lib/i18n/provider.js'
import type { Outcome, Verification } from './trail-api.js'

type Trail = Verification['trails'][number]

const KNOWN_TRAILS = ['record_access_log', 'patient_access_log', 'security_events']
const KNOWN_PROBLEMS = ['ALTERED', 'MISSING', 'SEAL_ALTERED', 'MAC_INVALID', 'CHAIN_BROKEN']

/** One service's verification: each trail intact or its first mismatch, with its counts. */
export function TrailReport ({ title, outcome }: { title: string, outcome: Outcome }) {
  const { t, time } = useI18n()
  const heading = useId()
  const name = (trail: string) => KNOWN_TRAILS.includes(trail) ? t(`trail.name.${trail}` as MessageKey) : trail
  return (
    <section className='card' aria-labelledby={heading}>
      <h2 id={heading}>{title}</h2>
      {'error' in outcome
        ? <ErrorAlert error={outcome.error} />
        : (
          <>
            <p className={outcome.report.intact ? 'alert alert-ok' : 'alert alert-error'} role={outcome.report.intact ? 'status' : 'alert'}>
              {outcome.report.intact ? t('trail.intact') : t('trail.altered')} · {t('trail.checkedAt', { time: time(outcome.report.checkedAt) })}
            </p>
            <div className='table-wrap'>
              <table>
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope='col'>{t('trail.trail')}</th>
                    <th scope='col'>{t('trail.state')}</th>
                    <th scope='col'>{t('trail.rows')}</th>
                    <th scope='col'>{t('trail.sealedRows')}</th>
                    <th scope='col'>{t('trail.pendingRows')}</th>
                    <th scope='col'>{t('trail.seals')}</th>
                    <th scope='col'>{t('trail.head')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.report.trails.map((trail) => (
                    <tr key={trail.trail} className={trail.firstMismatch ? 'denied' : undefined}>
                      <th scope='row'>{name(trail.trail)}</th>
                      <td>{trail.firstMismatch ? <Mismatch trail={trail} /> : t('trail.intact')}</td>
                      <td className='count'>{trail.rows}</td>
                      <td className='count'>{trail.sealedRows}</td>
                      <td className='count'>{trail.pendingRows}</td>
                      <td className='count'>{trail.seals}</td>
                      <td>{trail.head ? <code title={trail.head.sealHash}>#{trail.head.seq} {trail.head.sealHash.slice(0, 12)}</code> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
          )}
    </section>
  )
}

function Mismatch ({ trail }: { trail: Trail }) {
  const { t } = useI18n()
  const m = trail.firstMismatch
  if (!m) return null
  const problem = KNOWN_PROBLEMS.includes(m.problem) ? t(`trail.problem.${m.problem}` as MessageKey) : m.problem
  return (
    <>
      <strong>{t('trail.altered')}</strong>: {problem}
      {m.rowId && <>, {t('trail.row', { id: m.rowId })}</>}
      {m.sealId && <>, {t('trail.seal', { id: m.sealId })}</>}
      <br /><small>{t('trail.firstMismatch')}: {m.detail}</small>
    </>
  )
}
