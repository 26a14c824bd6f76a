import { useEffect, useId, useRef, useState } from 'react'
import { IDLE_END_MARGIN_MS, IDLE_WARNING_LEAD_MS, idleDeadline } from '../lib/idle.js'
import { useI18n } from '../lib/i18n/provider.js'
import { rekam } from '../lib/rekam.js'

/**
 * Staff sessions end after their idle limit (30 minutes without a refresh). The page reads the
 * limit (GET /api/auth/session) now and after every new token, here or in another tab, warns
 * IDLE_WARNING_LEAD_MS before it, and refreshes only when asked to ("stay signed in"): an
 * untouched tab really goes idle. Just after the limit it asks auth-service once, whose refusal
 * ends the session here with its reason (SESSION_EXPIRED), which the sign-in page then says.
 */
export function IdleWarning () {
  const { t, instant } = useI18n()
  const [deadline, setDeadline] = useState<number>()
  const [warned, setWarned] = useState<number>()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const textId = useId()

  useEffect(() => {
    let alive = true
    const read = async () => {
      // Right after a new token: this request never refreshes, so reading does not keep the session alive.
      const { data, response } = await rekam.auth.GET('/api/auth/session')
      if (alive && data) setDeadline(idleDeadline(data.data.idleExpiresAt, response.headers.get('date'), Date.now()))
    }
    read().catch(() => {})
    const stop = rekam.onToken(() => { read().catch(() => {}) })
    return () => {
      alive = false
      stop()
    }
  }, [])

  useEffect(() => {
    if (deadline === undefined) return
    const now = Date.now()
    const warn = setTimeout(() => setWarned(deadline), Math.max(0, deadline - IDLE_WARNING_LEAD_MS - now))
    const end = setTimeout(() => { rekam.refresh().catch(() => {}) }, Math.max(0, deadline + IDLE_END_MARGIN_MS - now))
    return () => {
      clearTimeout(warn)
      clearTimeout(end)
    }
  }, [deadline])

  const showing = deadline !== undefined && warned === deadline
  useEffect(() => {
    const dialog = ref.current
    if (showing && dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [showing])

  if (!showing) return null
  const stay = () => { rekam.refresh().catch(() => {}) }
  return (
    <dialog ref={ref} className='dialog' role='alertdialog' aria-labelledby={titleId} aria-describedby={textId} onCancel={(event) => { event.preventDefault(); stay() }}>
      <h2 id={titleId}>{t('idle.title')}</h2>
      <p id={textId}>{t('idle.text', { time: instant(new Date(deadline).toISOString()) })}</p>
      <div className='actions'>
        <button type='button' className='primary' autoFocus onClick={stay}>{t('idle.stay')}</button>
      </div>
    </dialog>
  )
}
