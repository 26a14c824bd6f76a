import { createServer } from 'node:net'
import { networkInterfaces } from 'node:os'
import { StartupError } from '@rekam/errors'
import { listenError } from '@rekam/server-kit'

/** A port variable of the launcher (GATEWAY_PORT, AUTH_PORT, RECORDS_PORT), checked. */
export function portSetting (name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartupError(`${name}=${raw} is not a port number (1-65535)`)
  return port
}

/**
 * Fails at once, before anything starts, when a port is taken: a service that found its port in
 * use would otherwise die in its log file while the launcher waited for it.
 */
export function ensurePortFree (host: string, port: number, portVariable: string, hostVariable = 'HOST'): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', (err) => reject(listenError(err, { host, port, portVariable, hostVariable })))
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()))
  })
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])
export const isLoopback = (host: string) => LOOPBACK.has(host) || host.startsWith('127.')

/** The addresses others reach the gateway at when it listens on `host` (all interfaces: every non-internal IPv4). */
export function lanAddresses (host: string): string[] {
  if (isLoopback(host)) return []
  if (host !== '0.0.0.0' && host !== '::') return [host.includes(':') ? `[${host}]` : host]
  return Object.values(networkInterfaces()).flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal).map((entry) => entry.address)
}
