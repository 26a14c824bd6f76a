import { diffWords } from 'diff'
import { useI18n } from '../../lib/i18n/provider.js'

/**
 * A text's change word by word: removed words in <del>, added ones in <ins>, each announced as
 * such (screen readers do not read the elements' meaning, so a hidden word says it).
 */
export function WordDiff ({ before, after }: { before: string, after: string }) {
  const { t } = useI18n()
  return (
    <span className='word-diff'>
      {diffWords(before, after).map((part, i) => part.added
        ? <ins key={i}><span className='visually-hidden'>{t('diff.added')} </span>{part.value}</ins>
        : part.removed
          ? <del key={i}><span className='visually-hidden'>{t('diff.removed')} </span>{part.value}</del>
          : <span key={i}>{part.value}</span>)}
    </span>
  )
}
