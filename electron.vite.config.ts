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
      rolldownOptions: {
        input: resolve(__dirname, 'src-renderer/index.html'),
        output: {
          // What the first screen imports statically stays in one chunk (with the entry). Left to
          // itself the bundler cuts the modules the first screen shares with the lazy parts (React,
          // Fluent's tokens and Button, icons…) into some twenty small chunks, all fetched at start:
          // 22 scripts, 217.7 KB gzipped, instead of 2 and 211.8 KB. (The engine is not on the first
          // screen: it comes with LabController, lazily, when the lab starts.)
          codeSplitting: {
            groups: [{ name: 'start', tags: ['$initial'], priority: 1 }],
          },
        },
      },
      // A minified build, split by surface (React.lazy in SurfaceArea and App): `npm run bench:ui`
      // measures what the first screen needs.
      minify: true,
      chunkSizeWarningLimit: 1500,
    },
    plugins: [react()],
  },
});
