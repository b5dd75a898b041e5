import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in src/web and is built to dist/web, which the Stegvis server serves
// (src/server/web/static.ts) on the same origin as the API.
// zod registers its English messages as the default on the first schema; ours (core/schemas/
// messages.ts) replace them at start-up. In the web build the English module is swapped for ours,
// so zod's programmer-facing defaults ("Invalid input: expected …") are not even in the bundle
// (src/core/schemas/messages.test.ts scans dist/web for them).
const swedishZodMessages: Plugin = {
  name: 'stegvis-swedish-zod-messages',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === '../locales/en.js' && importer && /[\\/]zod[\\/]v4[\\/]classic[\\/]/.test(importer)) {
      return fileURLToPath(new URL('./src/core/schemas/messages.ts', import.meta.url));
    }
    return null;
  },
};

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [swedishZodMessages, react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // ECharts (~180 KB gzipped) is one lazy chunk, loaded only with the first chart.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
