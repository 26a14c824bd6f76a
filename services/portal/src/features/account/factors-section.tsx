import { isStepUpRequired, RekamApiError, unwrap } from '@rekam/client'
import { useState } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { RecoveryCodes } from '../../components/ui/recovery-codes.js'
import { TotpSetup, type TotpSecret } from '../../components/ui/totp-setup.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useStepUp } from '../../lib/step-up.js'
import { useLoad } from '../../lib/use-load.js'
import { AddPasskey } from './passkeys.js'

/**
 * An error of this section; a step-up demand (the dialog cancelled) says nothing was changed, and a conflict here is the last
 * factor of a staff account, rather than the general sentences of those codes.
 */
function SectionError ({ error }: { error: unknown }) {
  const { t } = useI18n()
  if (isStepUpRequired(error)) return <p className='alert alert-error' role='alert'>{t('factors.stepUp')}</p>
  if (error instanceof RekamApiError && error.code === 'CONFLICT') return <p className='alert alert-error' role='alert' data-code={error.code}>{t('factors.lastFactor')}</p>
  return <ErrorAlert error={error} />
}

/** The account's second factors: list, add an authenticator, remove one, new recovery codes. */
export function FactorsSection () {
  const { t, instant } = useI18n()
  const factors = useLoad(async () => unwrap(await rekam.auth.GET('/api/auth/mfa/factors')), 'factors')
  const [setup, setSetup] = useState<TotpSecret>()
  const [codes, setCodes] = useState<string[]>()
  const [error, setError] = useState<unknown>()
  const [notice, setNotice] = useState<string>()
  const withStepUp = useStepUp()

  async function act (action: () => Promise<void>) {
    setError(undefined)
    setNotice(undefined)
    try {
      await action()
    } catch (err) {
      setError(err)
    }
  }

  const add = () => act(async () => {
    setCodes(undefined)
    setSetup(unwrap(await rekam.auth.POST('/api/auth/mfa/totp', { body: {} })))
  })

  async function confirm (code: string) {
    if (!setup) return
    await act(async () => {
      const done = unwrap(await rekam.auth.POST('/api/auth/mfa/totp/confirm', { body: { factorId: setup.factorId, code } }))
      setSetup(undefined)
      setCodes(done.recoveryCodes)
      setNotice(t('factors.addedNotice'))
      factors.reload()
    })
  }

  const remove = (id: string, name: string) => act(async () => {
    if (!window.confirm(t('factors.confirmRemove', { name }))) return
    await withStepUp(async () => unwrap(await rekam.auth.DELETE('/api/auth/mfa/factors/{id}', { params: { path: { id } } })))
    setNotice(t('factors.removed'))
    factors.reload()
  })

  const regenerate = () => act(async () => {
    setCodes(await withStepUp(async () => unwrap(await rekam.auth.POST('/api/auth/mfa/recovery-codes', {})).recoveryCodes))
    factors.reload()
  })

  const items = factors.data?.items ?? []
  return (
    <section className='card' aria-labelledby='factors-title'>
      <h2 id='factors-title'>{t('factors.title')}</h2>
      {!setup && <SectionError error={error ?? factors.error} />}
      <Notice>{notice}</Notice>
      {factors.loading && !factors.data && <Loading />}
      {factors.data && (items.length === 0
        ? <p>{t('factors.none')}</p>
        : (
          <ul className='factors'>
            {items.map((f) => (
              <li key={f.id}>
                <strong>{f.name || t(`factors.type.${f.type}`)}</strong>{' '}
                <span>{t('factors.added', { date: instant(f.createdAt) })}{f.lastUsedAt && `, ${t('factors.lastUsed', { date: instant(f.lastUsedAt) })}`}</span>{' '}
                <button type='button' className='danger' onClick={() => remove(f.id, f.name || t(`factors.type.${f.type}`))}>{t('factors.remove', { name: f.name || t(`factors.type.${f.type}`) })}</button>
              </li>
            ))}
          </ul>
          ))}
      {factors.data && items.length > 0 && <p>{t('factors.codesLeft', { count: factors.data.recoveryCodesLeft })}</p>}
      {setup
        ? <TotpSetup setup={setup} error={error} onConfirm={confirm} />
        : <button type='button' className='primary' onClick={add}>{t('factors.add')}</button>}
      {!setup && <AddPasskey onAdded={(recoveryCodes) => { setCodes(recoveryCodes); setNotice(t('passkey.added')); factors.reload() }} />}
      {items.length > 0 && !setup && <button type='button' onClick={regenerate}>{t('factors.regenerate')}</button>}
      {codes && codes.length > 0 && (
        <RecoveryCodes codes={codes}>
          <button type='button' onClick={() => setCodes(undefined)}>{t('mfa.recovery.saved')}</button>
        </RecoveryCodes>
      )}
    </section>
  )
}
