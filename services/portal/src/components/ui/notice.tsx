import type { ReactNode } from 'react'
import { useI18n } from '../../lib/i18n/provider.js'

/** A polite confirmation that screen readers announce. */
export function Notice ({ children }: { children: ReactNode }) {
  if (!children) return null
  return <p className='alert alert-ok' role='status'>{children}</p>
}

export function Loading () {
  const { t } = useI18n()
  return <p className='loading' role='status'>{t('app.loading')}</p>
}
