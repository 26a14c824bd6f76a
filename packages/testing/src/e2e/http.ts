import { randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { freshDemoTotpCode } from '../demo-totp.js'

export interface ApiResponse<T = any> {
  status: number
  headers: Headers
  /** The parsed JSON body; undefined when the body is not JSON. */
  body: T
  text: string
}

export interface RequestOptions {
  method?: string
  token?: string
  json?: unknown
  /** A raw body (sent as is, with the given content-type or application/json). */
  body?: string | Buffer
  headers?: Record<string, string>
}

/** One HTTP request; the body is read whole and parsed as JSON when it is. */
export async function request<T = any> (baseUrl: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  let body: string | Buffer | undefined = opts.body
  if (opts.json !== undefined) body = JSON.stringify(opts.json)
  if (body !== undefined) headers['content-type'] ??= 'application/json'
  const res = await fetch(`${baseUrl}${path}`, {
    method: opts.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    signal: AbortSignal.timeout(30_000),
  })
  const text = await res.text()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text }
}

export interface SignedIn {
  user: { id: string, role: string, username: string }
  tokens: { accessToken: string, refreshToken: string }
}

/** The last session a staff sign-in made per stack and email: reused when no TOTP step is left. */
const lastSessions = new Map<string, SignedIn>()

/**
 * A client bound to one base URL. `stack` names the auth database behind it (the base URL by
 * default): base URLs that reach the same auth-service database (a gateway and the service
 * itself, several instances) must share it, since the service accepts each TOTP step once.
 */
export function client (baseUrl: string, { stack = baseUrl }: { stack?: string } = {}) {
  return {
    baseUrl,
    request: <T = any>(path: string, opts?: RequestOptions) => request<T>(baseUrl, path, opts),
    get: <T = any>(path: string, opts?: Omit<RequestOptions, 'method'>) => request<T>(baseUrl, path, { ...opts, method: 'GET' }),
    post: <T = any>(path: string, json: unknown, opts?: Omit<RequestOptions, 'method' | 'json'>) => request<T>(baseUrl, path, { ...opts, method: 'POST', json }),
    patch: <T = any>(path: string, json: unknown, opts?: Omit<RequestOptions, 'method' | 'json'>) => request<T>(baseUrl, path, { ...opts, method: 'PATCH', json }),
    /**
     * Logs in by email (throws with the answer if it fails). Demo staff owe a second factor: it
     * is answered with a fresh code of their documented TOTP secret. When this process has
     * spent every step of the current window on that account (three sign-ins within ~30 s),
     * the last session it made is reused if auth-service still accepts its access token,
     * rather than sleeping; otherwise this throws. `headers` go with both steps; with them, or
     * with `newSession`, no session is reused.
     */
    async login (email: string, password: string, { headers, newSession = headers !== undefined }: { headers?: Record<string, string>, newSession?: boolean } = {}): Promise<SignedIn> {
      const res = await request(baseUrl, '/api/auth/login', { method: 'POST', json: { email, password }, headers })
      if (res.status !== 200) throw new Error(`login as ${email} answered ${res.status}: ${res.text}`)
      if (!res.body.data.mfaRequired) return res.body.data
      const key = `${stack}\n${email}`
      const code = freshDemoTotpCode(stack, email)
      if (code === null) {
        const last = lastSessions.get(key)
        if (last && !newSession && (await request(baseUrl, '/api/auth/me', { token: last.tokens.accessToken })).status === 200) return last
        throw new Error(`login as ${email}: every TOTP step of this 30 s window is spent on ${stack} and no earlier session is still valid; a new session needs the next step`)
      }
      const verify = await request(baseUrl, '/api/auth/mfa/verify', { method: 'POST', json: { ticket: res.body.data.ticket, method: 'totp', code }, headers })
      if (verify.status !== 200) throw new Error(`second step as ${email} answered ${verify.status}: ${verify.text}`)
      lastSessions.set(key, verify.body.data)
      return verify.body.data
    },
  }
}

export type Client = ReturnType<typeof client>

/** A request id of the shape nginx and the services keep. */
export const newRequestId = () => `e2e-${randomBytes(8).toString('hex')}`

/**
 * The demo accounts of DESIGN.md (created by the services in demo mode). The staff's TOTP
 * secrets stay in DEMO_ACCOUNTS (@rekam/demo-data): these objects are login bodies as they are.
 */
export const DEMO = {
  admin: { email: 'admin@rekam.local', password: 'admin-demo-123' },
  sari: { email: 'dr.sari@rekam.local', password: 'doctor-demo-123' },
  budi: { email: 'dr.budi@rekam.local', password: 'doctor-demo-123' },
  andi: { email: 'andi@rekam.local', password: 'patient-demo-123' },
  siti: { email: 'siti@rekam.local', password: 'patient-demo-123' },
} as const

/** A GET with the path sent exactly as given (fetch would resolve `..` and `%2e` first). */
export function rawGet (baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<ApiResponse> {
  const url = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET', headers, timeout: 10_000 }, (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', (chunk: string) => { text += chunk }).on('end', () => {
        let body: unknown
        try {
          body = JSON.parse(text)
        } catch {}
        const h = new Headers()
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v)
        resolve({ status: res.statusCode ?? 0, headers: h, body, text })
      })
    })
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)))
    req.on('error', reject)
    req.end()
  })
}
