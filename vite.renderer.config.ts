import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';

/**
 * The Content-Security-Policy of every built page (Electron and web). No inline or eval'd
 * script; workers only from the app itself; no network beyond the app's own origin.
 * Injected at build time only, because the dev server's hot reload needs inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'dossier-csp',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

/** The renderer's Vite configuration, shared by the Electron build and the web build. */
export function rendererConfig(outDir: string): UserConfig {
  return {
    root: resolve(import.meta.dirname, 'src/renderer'),
    base: './',
    publicDir: false,
    resolve: { alias: { '@core': resolve(import.meta.dirname, 'src/core') } },
    plugins: [react(), contentSecurityPolicy()],
    worker: { format: 'es' },
    build: {
      outDir: resolve(import.meta.dirname, outDir),
      emptyOutDir: true,
      target: 'es2023',
      chunkSizeWarningLimit: 2000,
      // Inlined assets become data: URLs, which the CSP rightly refuses to fetch.
      assetsInlineLimit: 0,
    },
  };
}
