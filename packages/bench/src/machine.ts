import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import type postgres from 'postgres'

export interface Machine {
  date: string
  cores: number
  cpuModel: string
  memoryGiB: number
  os: string
  node: string
  postgres: string
  /** 1-minute load average when the run started: a busy machine makes every figure lower. */
  loadAverage: number
}

/** What the figures were measured on. */
export async function describeMachine (sql: postgres.Sql): Promise<Machine> {
  const [row] = await sql<Array<{ server_version: string }>>`show server_version`
  return {
    date: new Date().toISOString(),
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30 * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    postgres: row?.server_version ?? 'unknown',
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  }
}
