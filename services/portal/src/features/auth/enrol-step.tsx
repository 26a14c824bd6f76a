import { unwrap } from '@rekam/client'
import { useState } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { RecoveryCodes } from '../../components/ui/recovery-codes.js'
import { TotpSetup, type TotpSecret } from '../../components/ui/totp-setup.js'
import { useGuestHold } from '../../lib/guest-hold.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { PasskeyEnrol } from './passkey-sign-in.js'

/**
 * Enrolment at sign-in, for a staff account without a second factor: the authenticator set up
 * with the sign-in's ticket, which signs in; then the recovery codes, once, before moving on.
 */
export function EnrolStep ({ ticket, onRestart }: { ticket: string, onRestart: () => void }) {
  const { t } = useI18n()
  const { hold } = useGuestHold()
  const [setup, setSetup] = useState<TotpSecret>()
  const [codes, setCodes] = useState<string[]>()
  const [error, setError] = useState<unknown>()

  async function start () {
    setError(undefined)
    try {
      setSetup(unwrap(await rekam.auth.POST('/api/auth/mfa/totp', { body: { ticket } })))
    } catch (err) {
      setError(err)
    }
  }

  async function confirm (code: string) {
    if (!setup) return
    setError(undefined)
    // The confirmation signs in; the sign-in page stays until the codes have been seen.
    hold(true)
    try {
      const { recoveryCodes } = await rekam.confirmTotpEnrollment({ ticket, factorId: setup.factorId, code })
      setCodes(recoveryCodes)
    } catch (err) {
      hold(false)
      setError(err)
    }
  }

  if (codes) {
    return (
      <RecoveryCodes codes={codes}>
        <button type='button' className='primary' onClick={() => hold(false)}>{t('mfa.recovery.continue')}</button>
      </RecoveryCodes>
    )
  }
  if (setup) return <TotpSetup setup={setup} error={error} onConfirm={confirm} />
  return (
    <div className='card narrow'>
      <p>{t('mfa.enrol.required')}</p>
      <ErrorAlert error={error} />
      <button type='button' className='primary' onClick={start}>{t('mfa.enrol.start')}</button>
      <PasskeyEnrol ticket={ticket} onCodes={setCodes} />
      <button type='button' className='link-button' onClick={onRestart}>{t('mfa.step.restart')}</button>
    </div>
  )
}
