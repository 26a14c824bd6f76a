import { isStepUpRequired, type StepUpChallenge } from '@rekam/client'
import { createContext, useContext } from 'react'

/** Runs an API action; when it answers STEP_UP_REQUIRED, asks the person to confirm, then runs it once more. */
export type WithStepUp = <T>(action: () => Promise<T>) => Promise<T>

/**
 * `confirm` opens the "confirm it is you" dialog and resolves true once the client holds a
 * stepped-up token (false: cancelled). The action is retried once only: a second demand (the
 * dialog left open past max_age, say) reaches the caller as the error it is.
 */
export function stepUpRunner (confirm: (challenge: StepUpChallenge) => Promise<boolean>): WithStepUp {
  return async (action) => {
    try {
      return await action()
    } catch (err) {
      if (!isStepUpRequired(err) || !await confirm(err.stepUp)) throw err
      return action()
    }
  }
}

/** Outside the provider (never in the app): no dialog, the demand reaches the caller. */
export const StepUpContext = createContext<WithStepUp>((action) => action())

/** The app's one step-up dialog, around an action that may need it. */
export function useStepUp (): WithStepUp {
  return useContext(StepUpContext)
}
