// The renderer is a static bundle served by the host (or loaded by Electron from the host URL).
// base '/' because client-side routes are deep paths served index.html by the host.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// This folder, whatever the working directory (no Node imports: the config shares the renderer's lint rules).
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // Fonts and the pdf.js worker are shipped as files, never inlined as data: URLs.
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: true,
    // The app shell's service worker reads the manifest to cache every file of the build.
    manifest: true,
    rollupOptions: {
      input: {
        index: `${root}index.html`,
        // Served at /app-sw.js: a service worker controls only the paths under its own.
        'app-sw': `${root}src/offline/app-shell-sw.ts`,
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'app-sw' ? 'app-sw.js' : 'assets/[name]-[hash].js',
      },
    },
  },
  server: {
    // `npm run dev:renderer` talks to a host started with `npm run host -- --demo`.
    proxy: {
      '/api': 'http://127.0.0.1:8740',
      '/sync': { target: 'ws://127.0.0.1:8740', ws: true },
    },
  },
});
