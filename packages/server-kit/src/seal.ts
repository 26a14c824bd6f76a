import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/**
 * AES-256-GCM: `iv.tag.ciphertext`, base64url, of the value's JSON. Used by auth-service for
 * short-lived values and TOTP secrets, and by records-service for NIK and BPJS numbers at rest.
 */
export function seal (key: Buffer, value: unknown): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')
}

/** The sealed value, or undefined when it was sealed with another key or tampered with. */
export function unseal<T> (key: Buffer, sealed: string): T | undefined {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'))
  if (!iv || !tag || !body) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv)
    decipher.setAuthTag(tag)
    return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as T
  } catch {
    return undefined
  }
}
