import { randomUUID } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { codeForStatus } from '@rekam/errors'
import type { FastifyInstance } from 'fastify'

/**
 * The longest request line ("GET /path?query HTTP/1.1") a gateway passes on: nginx keeps it in
 * one `large_client_header_buffers` buffer (8k) and answers 414 beyond; the local gateway does
 * the same. A single header line has the same limit (431 beyond).
 */
export const MAX_REQUEST_LINE = 8 * 1024

interface ParserError extends Error {
  code?: string
  rawPacket?: unknown
}

/**
 * Node counts the request line against `maxHeaderSize` too. The packet being parsed when the
 * limit was passed tells which of the two was too long: a request line that has not ended (or
 * ended past the limit) is a long URL, anything else too many or too large headers.
 */
function requestLineTooLong (packet: unknown): boolean {
  if (!Buffer.isBuffer(packet) || !/^[A-Z]+ /.test(packet.subarray(0, 16).toString('latin1'))) return false
  const end = packet.indexOf('\n')
  return end === -1 || end > MAX_REQUEST_LINE
}

function refusal (error: ParserError): { status: number, message: string } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, message: 'The request took too long to arrive' }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return requestLineTooLong(error.rawPacket)
      ? { status: 414, message: 'The request URL is too long' }
      : { status: 431, message: 'The request headers are too large' }
  }
  return { status: 400, message: 'The request is not valid HTTP' }
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers too large, a URL too
 * long, malformed HTTP, a request that arrives too slowly) are answered in the error envelope
 * too. Fastify's default handler logs the raw packet at trace level, request headers and bearer
 * tokens included; this one logs only the parser's code.
 * @see https://fastify.dev/docs/latest/Reference/Server/#clienterrorhandler
 */
export function clientErrorHandler (this: FastifyInstance, error: ParserError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const { status, message } = refusal(error)
  const requestId = randomUUID()
  this.log.info({ reqId: requestId, parserCode: error.code, statusCode: status }, message)
  // As Node's own handler: never write into a response already under way on this connection.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage
  if (socket.writable && !inFlight?.headersSent) {
    const body = JSON.stringify({ success: false, error: { code: codeForStatus(status), message, requestId } })
    socket.write([
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      `X-Request-Id: ${requestId}`,
      'Cache-Control: no-store',
      'Pragma: no-cache',
      'Connection: close',
      '',
      body,
    ].join('\r\n'))
  }
  socket.destroy()
}
