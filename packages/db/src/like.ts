/** Escapes LIKE wildcards so user text matches literally (`%` and `_` are plain characters). */
export function escapeLike (text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** A LIKE pattern matching the text anywhere. */
export function containsPattern (text: string): string {
  return `%${escapeLike(text)}%`
}
