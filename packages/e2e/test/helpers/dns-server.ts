import { createSocket } from 'node:dgram'
import type { AddressInfo } from 'node:net'

/**
 * A tiny DNS server on loopback UDP standing in for Docker's embedded DNS: it answers A queries
 * for the names in `records` (change them while it runs to "recreate" or "scale" a service),
 * NXDOMAIN for any other name. The TTL is Docker's long one, so a gateway that follows changes
 * does so by its own `valid=`, not because the answer expired.
 */
export interface DnsServer {
  port: number
  records: Map<string, string[]>
  /** How many queries each name got. */
  queries: Map<string, number>
}

const TTL = 600

function questionEnd (packet: Buffer): { name: string, end: number } {
  const labels: string[] = []
  let i = 12
  while (i < packet.length && packet[i] !== 0) {
    const length = packet[i]!
    labels.push(packet.subarray(i + 1, i + 1 + length).toString('ascii'))
    i += 1 + length
  }
  // The name's terminating zero, then QTYPE and QCLASS.
  return { name: labels.join('.').toLowerCase(), end: i + 5 }
}

function answer (query: Buffer, records: Map<string, string[]>, queries: Map<string, number>): Buffer {
  const { name, end } = questionEnd(query)
  queries.set(name, (queries.get(name) ?? 0) + 1)
  const type = query.readUInt16BE(end - 4)
  const addresses = records.get(name)
  const found = addresses !== undefined
  const answers = found && type === 1 ? addresses : []
  const header = Buffer.alloc(12)
  query.copy(header, 0, 0, 2)
  // QR, RD, RA; RCODE 3 (NXDOMAIN) for an unknown name.
  header.writeUInt16BE(found ? 0x8180 : 0x8183, 2)
  header.writeUInt16BE(1, 4)
  header.writeUInt16BE(answers.length, 6)
  const records_ = answers.map((address) => {
    const rr = Buffer.alloc(16)
    rr.writeUInt16BE(0xc00c, 0) // the name: a pointer to the question's
    rr.writeUInt16BE(1, 2) // A
    rr.writeUInt16BE(1, 4) // IN
    rr.writeUInt32BE(TTL, 6)
    rr.writeUInt16BE(4, 10)
    address.split('.').forEach((octet, i) => rr.writeUInt8(Number(octet), 12 + i))
    return rr
  })
  return Buffer.concat([header, query.subarray(12, end), ...records_])
}

export async function startDnsServer (t: { teardown (fn: () => unknown): void }, records: Record<string, string[]>): Promise<DnsServer> {
  const socket = createSocket('udp4')
  const server: DnsServer = { port: 0, records: new Map(Object.entries(records)), queries: new Map() }
  socket.on('message', (query, peer) => {
    if (query.length < 17) return
    socket.send(answer(query, server.records, server.queries), peer.port, peer.address)
  })
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => socket.close(() => resolve())))
  server.port = (socket.address() as AddressInfo).port
  return server
}
