import { useState } from 'react'
import { PasskeyError } from '../../components/ui/passkey-error.js'
import { useGuestHold } from '../../lib/guest-hold.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { createPasskey, discoverPasskey, passkeysSupported } from '../../lib/webauthn.js'

/** Runs one ceremony at a time; its failure (a closed dialog included) is shown beside the button. */
function useCeremony () {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  async function run (ceremony: () => Promise<unknown>) {
    setBusy(true)
    setError(undefined)
    try {
      await ceremony()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run }
}

/**
 * Sign-in without a password: the browser offers the passkeys it holds for this site (a
 * discoverable credential, user verification required); the chosen one names its account.
 */
export function PasskeySignIn () {
  const { t } = useI18n()
  const { busy, error, run } = useCeremony()
  if (!passkeysSupported()) return null
  // Signed in: the guest-only route sends the user on.
  const signIn = () => run(async () => await rekam.signInWithPasskey(await discoverPasskey()))
  return (
    <div className='passkey-sign-in'>
      <PasskeyError error={error} />
      <button type='button' className='primary' disabled={busy} onClick={signIn}>{busy ? t('passkey.signInBusy') : t('passkey.signIn')}</button>
      <p>{t('passkey.or')}</p>
    </div>
  )
}

/** A second step with one of the account's passkeys: `verify` asks for the assertion and sends it. */
export function PasskeySecondStep ({ verify: prove }: { verify: () => Promise<unknown> }) {
  const { t } = useI18n()
  const { busy, error, run } = useCeremony()
  if (!passkeysSupported()) return null
  const verify = () => run(prove)
  return (
    <div className='passkey-step'>
      <p>{t('passkey.step.intro')}</p>
      <PasskeyError error={error} />
      <button type='button' className='primary' disabled={busy} onClick={verify}>{t('passkey.step.use')}</button>
    </div>
  )
}

/**
 * Enrolment at sign-in with a passkey: registered with the sign-in's ticket, which signs in; the
 * page stays until the recovery codes (given to `onCodes`) have been seen.
 */
export function PasskeyEnrol ({ ticket, onCodes }: { ticket: string, onCodes: (codes: string[]) => void }) {
  const { t } = useI18n()
  const { hold } = useGuestHold()
  const { busy, error, run } = useCeremony()
  if (!passkeysSupported()) return null
  const enrol = () => run(async () => {
    const response = await createPasskey(ticket)
    hold(true)
    try {
      // Named in the user's language; the service's default name is English.
      onCodes((await rekam.confirmPasskeyEnrollment({ ticket, response, name: t('factors.type.webauthn') })).recoveryCodes)
    } catch (err) {
      hold(false)
      throw err
    }
  })
  return (
    <>
      <PasskeyError error={error} />
      <button type='button' className='primary' disabled={busy} onClick={enrol}>{t('passkey.enrol.start')}</button>
    </>
  )
}
