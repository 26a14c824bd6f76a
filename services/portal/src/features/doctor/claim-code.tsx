import { RekamApiError, unwrap } from '@rekam/client'
import { useState } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Notice } from '../../components/ui/notice.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useStepUp } from '../../lib/step-up.js'

interface Props {
  patient: { id: string, mrn: string, fullName: string, dateOfBirth: string }
  /** The service says the profile is claimed already: the page reloads it. */
  onClaimed (): void
}

/**
 * "Issue a claim code" and the slip to print for the patient: the code (shown once: the service
 * keeps only its hash), its expiry, and where to use it. `@media print` (forms.css) prints the slip
 * alone. A new code voids the previous one.
 */
export function ClaimCode ({ patient, onClaimed }: Props) {
  const { t, day, instant } = useI18n()
  const withStepUp = useStepUp()
  const [busy, setBusy] = useState(false)
  const [issued, setIssued] = useState<{ code: string, expiresAt: string }>()
  const [error, setError] = useState<unknown>()
  const [claimed, setClaimed] = useState(false)

  async function issue () {
    setBusy(true)
    setError(undefined)
    setIssued(undefined)
    try {
      setIssued(await withStepUp(async () => unwrap(await rekam.records.POST('/api/patients/{id}/claim-code', { params: { path: { id: patient.id } } }))))
    } catch (err) {
      if (err instanceof RekamApiError && err.code === 'CONFLICT') {
        setClaimed(true)
        onClaimed()
      } else {
        setError(err)
      }
    }
    setBusy(false)
  }

  const origin = window.location.origin
  return (
    <section className='card claim-code' aria-labelledby='claim-code-title'>
      <h2 id='claim-code-title'>{t('claimCode.title')}</h2>
      <p>{t('claimCode.intro')}</p>
      <ErrorAlert error={error} />
      {claimed && <p className='alert alert-error' role='alert'>{t('claimCode.claimedAlready')}</p>}
      <Notice>{issued && t('claimCode.issued')}</Notice>
      {issued && (
        <article className='claim-slip' aria-labelledby='claim-slip-title'>
          <h3 id='claim-slip-title'>{t('claimCode.slipTitle', { clinic: window.location.host })}</h3>
          <dl className='facts'>
            <dt>{t('patient.fullName')}</dt><dd>{patient.fullName}</dd>
            <dt>{t('patientView.mrn')}</dt><dd className='mrn'>{patient.mrn}</dd>
            <dt>{t('patient.dateOfBirth')}</dt><dd>{day(patient.dateOfBirth)}</dd>
            <dt>{t('claimCode.code')}</dt><dd><code className='claim-code-value' data-testid='claim-code'>{issued.code}</code></dd>
            <dt>{t('claimCode.expires')}</dt><dd>{instant(issued.expiresAt)}</dd>
          </dl>
          <ol>
            <li>{t('claimCode.step1', { url: `${origin}/register` })}</li>
            <li>{t('claimCode.step2', { url: `${origin}/claim` })}</li>
            <li>{t('claimCode.step3')}</li>
          </ol>
        </article>
      )}
      {!claimed && (
        <div className='actions'>
          {issued && <button type='button' className='primary' onClick={() => window.print()}>{t('claimCode.print')}</button>}
          <button type='button' className={issued ? undefined : 'primary'} disabled={busy} onClick={issue}>{issued ? t('claimCode.reissue') : t('claimCode.issue')}</button>
        </div>
      )}
    </section>
  )
}
