import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One folder per Electron process: src-main holds main and preload, src-renderer the UI.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          // Browser mode's classroom host, loaded by scripts/start.mjs into its Node server.
          classroomHost: resolve(__dirname, 'src-main/classroom/browserHost.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    // Relative asset paths: the same build loads from file:// in Electron and from http:// in a browser.
    base: './',
    build: {
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
      // A minified build, split by surface (React.lazy in SurfaceArea and App): `npm run bench:ui`
      // measures what the first screen needs.
      minify: true,
      chunkSizeWarningLimit: 1500,
    },
    plugins: [react()],
  },
});
