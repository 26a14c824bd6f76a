/**
 * A portal page that acts on a one-time token, the token in the fragment: browsers never send a
 * fragment to a server, so it stays out of gateway logs and Referer headers.
 */
export function portalLink (publicUrl: string, path: `/${string}`, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}#token=${token}`
}
