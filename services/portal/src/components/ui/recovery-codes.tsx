import { useI18n } from '../../lib/i18n/provider.js'

/** The recovery codes, shown once: a list to copy and a text file to download. */
export function RecoveryCodes ({ codes, children }: { codes: string[], children?: React.ReactNode }) {
  const { t } = useI18n()

  function download () {
    const blob = new Blob([`${t('mfa.recovery.fileTitle')}\n\n${codes.join('\n')}\n`], { type: 'text/plain' })
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = 'rekam-recovery-codes.txt'
    link.click()
    URL.revokeObjectURL(link.href)
  }

  return (
    <section className='card' aria-labelledby='recovery-title'>
      <h2 id='recovery-title'>{t('mfa.recovery.title')}</h2>
      <p>{t('mfa.recovery.once')}</p>
      <ul className='recovery-codes' aria-label={t('mfa.recovery.title')}>
        {codes.map((code) => <li key={code}><code>{code}</code></li>)}
      </ul>
      <button type='button' onClick={download}>{t('mfa.recovery.download')}</button>
      {children}
    </section>
  )
}
