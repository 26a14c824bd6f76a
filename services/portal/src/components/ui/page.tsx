import { useEffect, useRef, type ReactNode } from 'react'
import { useI18n } from '../../lib/i18n/provider.js'

/**
 * A page: its title in the tab and in the heading, which takes the focus when the page opens so
 * that keyboard and screen-reader users start at the new content.
 */
export function Page ({ title, children, actions }: { title: string, children: ReactNode, actions?: ReactNode }) {
  const { t } = useI18n()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`
  }, [title, t])
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return (
    <section className='page'>
      <div className='page-head'>
        <h1 ref={heading} tabIndex={-1}>{title}</h1>
        {actions}
      </div>
      {children}
    </section>
  )
}
