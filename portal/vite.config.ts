import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// A static app: `npm run build` writes dist/, served by any static file server (scripts/dev.sh,
// the browser tests' tiny server, or `npm run preview`). Everything is bundled: no CDN.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
