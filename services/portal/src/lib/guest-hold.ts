import { useOutletContext } from 'react-router'

/**
 * Lets a guest page keep its visitor for a moment after they are signed in: the enrolment at
 * sign-in signs in and must still show the recovery codes once before the visitor moves on.
 */
export interface GuestHold {
  hold: (held: boolean) => void
}

export function useGuestHold (): GuestHold {
  return useOutletContext<GuestHold>()
}
