export { buildGateway, type GatewayOptions } from './gateway.js'
export { GATEWAY_ROUTES, type Upstream } from './routes.js'
export { startCommand, nodeFlags } from './start-command.js'
