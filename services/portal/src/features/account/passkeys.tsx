import { unwrap } from '@rekam/client'
import { useState, type FormEvent } from 'react'
import { Field } from '../../components/ui/field.js'
import { PasskeyError } from '../../components/ui/passkey-error.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { createPasskey, passkeysSupported } from '../../lib/webauthn.js'

/**
 * Adding a passkey from the account page: a name to tell it apart, then the browser's own dialog.
 * `onAdded` gets the recovery codes when this was the account's first factor.
 */
export function AddPasskey ({ onAdded }: { onAdded: (recoveryCodes: string[] | undefined) => void }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  if (!passkeysSupported()) return null

  async function submit (event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const response = await createPasskey()
      // Unnamed: named in the user's language (the service's default name is English).
      const body = { response, name: name.trim() || t('factors.type.webauthn') }
      const done = unwrap(await rekam.auth.POST('/api/auth/mfa/webauthn/registration/verify', { body }))
      setOpen(false)
      setName('')
      onAdded(done.recoveryCodes)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  if (!open) return <button type='button' onClick={() => { setOpen(true); setError(undefined) }}>{t('passkey.add')}</button>
  return (
    <form className='passkey-add' onSubmit={submit} aria-labelledby='passkey-add-title'>
      <h3 id='passkey-add-title'>{t('passkey.add')}</h3>
      <p>{t('passkey.intro')}</p>
      <PasskeyError error={error} />
      <Field label={t('passkey.name')} hint={t('passkey.nameHint')} name='passkeyName' maxLength={64} autoComplete='off' autoFocus value={name} onChange={(e) => setName(e.target.value)} />
      <button type='submit' className='primary' disabled={busy}>{t('passkey.create')}</button>
      <button type='button' onClick={() => setOpen(false)}>{t('passkey.cancel')}</button>
    </form>
  )
}
