import type { StepUpChallenge } from '@rekam/client'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { StepUpDialog } from '../components/ui/step-up-dialog.js'
import { useSession } from '../lib/session.js'
import { StepUpContext, stepUpRunner } from '../lib/step-up.js'

interface Pending {
  challenge: StepUpChallenge
  resolve (confirmed: boolean): void
}

/** The one step-up dialog of the app: every action that needs it (useStepUp) waits on the same dialog. */
export function StepUpProvider ({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending>()
  // Two actions refused at once share one dialog, and both are retried after it.
  const open = useRef<Promise<boolean>>(undefined)
  const withStepUp = useMemo(() => stepUpRunner((challenge) => {
    open.current ??= new Promise<boolean>((resolve) => setPending({ challenge, resolve }))
      .finally(() => { open.current = undefined })
    return open.current
  }), [])
  const close = (confirmed: boolean) => {
    pending?.resolve(confirmed)
    setPending(undefined)
  }
  // A session that ends meanwhile (signed out in another tab, revoked) cancels the dialog.
  const { user } = useSession()
  useEffect(() => {
    if (user || !pending) return
    pending.resolve(false)
    setPending(undefined)
  }, [user, pending])
  return (
    <StepUpContext.Provider value={withStepUp}>
      {children}
      {pending && <StepUpDialog challenge={pending.challenge} onDone={() => close(true)} onCancel={() => close(false)} />}
    </StepUpContext.Provider>
  )
}
