import { unwrap } from '@rekam/client'
import { useState } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useStepUp } from '../../lib/step-up.js'
import { useLoad } from '../../lib/use-load.js'

const DAY_MS = 86_400_000

/**
 * A patient's own account deletion: asking (with a step-up) schedules the erasure after a
 * cooling-off period the server sets; until then the date and the days left show here, with a
 * way to cancel. The medical records stay with the clinic: said before the patient asks.
 */
export function DeletionSection () {
  const { t, instant } = useI18n()
  const status = useLoad(async () => unwrap(await rekam.auth.GET('/api/auth/account/deletion')), 'deletion')
  const [result, setResult] = useState<{ error?: unknown, notice?: string }>({})
  const withStepUp = useStepUp()
  const scheduled = status.data?.deletion

  async function act (run: () => Promise<unknown>, notice: string) {
    setResult({})
    try {
      await run()
      setResult({ notice })
      status.reload()
    } catch (error) {
      setResult({ error })
    }
  }

  function request () {
    const date = instant(new Date(Date.now() + (status.data?.delayDays ?? 0) * DAY_MS).toISOString())
    if (!window.confirm(t('deletion.confirm', { date }))) return
    return act(() => withStepUp(async () => unwrap(await rekam.auth.POST('/api/auth/account/deletion'))), t('deletion.requested'))
  }

  const cancel = () => act(async () => unwrap(await rekam.auth.DELETE('/api/auth/account/deletion')), t('deletion.cancelled'))

  const daysLeft = scheduled ? Math.max(0, Math.ceil((Date.parse(scheduled.scheduledFor) - Date.now()) / DAY_MS)) : 0
  return (
    <section className='card danger-zone' aria-labelledby='deletion-title'>
      <h2 id='deletion-title'>{t('deletion.title')}</h2>
      <ErrorAlert error={result.error ?? status.error} />
      <Notice>{result.notice}</Notice>
      {status.loading && !status.data && <Loading />}
      {status.data && !scheduled && (
        <>
          <p>{t('deletion.intro', { days: status.data.delayDays })}</p>
          <p>{t('deletion.records')}</p>
          <button type='button' className='danger' onClick={request}>{t('deletion.request')}</button>
        </>
      )}
      {scheduled && (
        <>
          <p><strong>{t(daysLeft > 0 ? 'deletion.scheduled' : 'deletion.scheduledToday', { date: instant(scheduled.scheduledFor), days: daysLeft })}</strong></p>
          <p>{t('deletion.records')}</p>
          <button type='button' className='primary' onClick={cancel}>{t('deletion.cancel')}</button>
        </>
      )}
    </section>
  )
}
