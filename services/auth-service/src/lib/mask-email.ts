/**
 * An address as a notice shows it: the first letter of the local part and the domain
 * (`s***@example.com`), enough for its owner to recognise, little for anyone else.
 */
export function maskEmail (email: string): string {
  const at = email.lastIndexOf('@')
  if (at < 1) return '***'
  return `${email[0]}***${email.slice(at)}`
}
