import { useI18n } from '../../lib/i18n/provider.js'

interface Props {
  page: number
  limit: number
  total: number
  onPage (page: number): void
}

export function Pager ({ page, limit, total, onPage }: Props) {
  const { t } = useI18n()
  const pages = Math.max(1, Math.ceil(total / limit))
  if (pages <= 1) return null
  return (
    <nav className='pager' aria-label={t('pager.label', { page, pages })}>
      <button type='button' disabled={page <= 1} onClick={() => onPage(page - 1)}>{t('pager.previous')}</button>
      <span>{t('pager.label', { page, pages })}</span>
      <button type='button' disabled={page >= pages} onClick={() => onPage(page + 1)}>{t('pager.next')}</button>
    </nav>
  )
}
