import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/** The simulation engine and the libraries only it uses. */
const ENGINE = /[\\/](simulation|node_modules[\\/](zod|xstate|@noble[\\/]hashes))[\\/]/;

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
          // What the first screen imports statically goes into two chunks, the engine and the rest,
          // fetched side by side. Left to itself the bundler cut the modules the first screen shares
          // with the lazy dialogs (Fluent's parts) into some thirty small chunks, all fetched at start.
          codeSplitting: {
            groups: [
              { name: 'engine', tags: ['$initial'], test: ENGINE, priority: 2 },
              { name: 'start', tags: ['$initial'], priority: 1 },
            ],
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
