import { useState } from 'react'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { verifyAuthTrails, verifyRecordsTrails, type Outcome, type Verification } from './trail-api.js'
import { TrailReport } from './trail-report.js'

const settle = async (run: () => Promise<Verification>): Promise<Outcome> => {
  try {
    return { report: await run() }
  } catch (error) {
    return { error }
  }
}

/** The admin asks both services to verify their audit trails: intact, or the first row or seal that does not match. */
export function AuditTrailPage () {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [outcomes, setOutcomes] = useState<{ records: Outcome, auth: Outcome }>()

  async function verify () {
    setBusy(true)
    const [records, auth] = await Promise.all([
      settle(verifyRecordsTrails),
      settle(verifyAuthTrails),
    ])
    setOutcomes({ records, auth })
    setBusy(false)
  }

  return (
    <Page title={t('trail.title')}>
      <p>{t('trail.intro')}</p>
      <p><button type='button' className='primary' onClick={verify} disabled={busy}>{busy ? t('trail.verifying') : t('trail.verify')}</button></p>
      {outcomes && (
        <>
          <TrailReport title={t('trail.service.records')} outcome={outcomes.records} />
          <TrailReport title={t('trail.service.auth')} outcome={outcomes.auth} />
        </>
      )}
    </Page>
  )
}
