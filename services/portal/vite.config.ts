import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'

/** The gateway the dev server passes API calls to (`pnpm start` listens on port 3000). */
const gateway = process.env.REKAM_GATEWAY_URL ?? 'http://localhost:3000'
// Host kept as the browser sent it: auth-service checks the Origin against the gateway's own origin.
const proxy = {
  '/api': { target: gateway, changeOrigin: false },
  '/.well-known': { target: gateway, changeOrigin: false },
}

/** @see https://vite.dev/config/ */
export default defineConfig({
  plugins: [react()],
  // The workspace packages' TypeScript sources, as everywhere in the tree: no build of them needed first.
  resolve: { conditions: ['@rekam/source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill is only for browsers without <link rel="modulepreload">; every supported one has it.
    modulePreload: { polyfill: false },
    // Nothing inlined as data: URLs, so `img-src 'self'` and `font-src 'self'` hold.
    assetsInlineLimit: 0,
  },
  server: { proxy },
  preview: { proxy },
})
