import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config.ts';

export default defineConfig({
  main: {
    resolve: { alias: { '@core': resolve(import.meta.dirname, 'src/core') } },
    build: {
      outDir: 'out/main',
      // Bundled whole (zod and the contract), so the packaged app ships no node_modules.
      externalizeDeps: false,
    },
  },
  preload: {
    resolve: { alias: { '@core': resolve(import.meta.dirname, 'src/core') } },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle zod and the contract in.
      externalizeDeps: false,
      // A sandboxed preload cannot load ES modules: ship one CommonJS file.
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    ...rendererConfig('out/renderer'),
    build: {
      ...rendererConfig('out/renderer').build,
      rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
    },
  },
});
