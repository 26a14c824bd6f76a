export { buildGateway, type GatewayOptions } from './gateway.js'
export { GATEWAY_ROUTES, type Upstream } from './routes.js'
