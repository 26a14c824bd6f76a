import { useState } from 'react'
import { useI18n } from '../../lib/i18n/provider.js'
import { useStepUp } from '../../lib/step-up.js'
import { signRecord, type MedicalRecord } from './api.js'

/** The author signs their draft (step-up): it becomes final, changed afterwards only by amendment. */
export function SignButton ({ record, onSigned, onError }: { record: MedicalRecord, onSigned (record: MedicalRecord): void, onError (error: unknown): void }) {
  const { t } = useI18n()
  const withStepUp = useStepUp()
  const [busy, setBusy] = useState(false)

  async function sign () {
    if (!window.confirm(t('record.confirmSign'))) return
    onError(undefined)
    setBusy(true)
    try {
      onSigned(await withStepUp(async () => signRecord(record.id, record.version)))
    } catch (err) {
      onError(err)
    }
    setBusy(false)
  }

  return <button type='button' className='primary' onClick={sign} disabled={busy}>{t('record.sign')}</button>
}
