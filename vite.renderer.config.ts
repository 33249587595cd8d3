import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
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

/** Where the built app serves pdfjs-dist's CMaps and standard fonts, beside index.html. */
export const PDFJS_ASSETS_DIR = 'pdfjs';
const PDFJS_ASSET_FOLDERS = ['cmaps', 'standard_fonts'];

/**
 * Ships pdfjs-dist's CMaps and standard font data with the app, under `pdfjs/`: written into
 * every build, and served by the dev server from node_modules. pdf.js reads them from there
 * (never from a CDN) to read CJK text and draw fonts a PDF does not embed.
 */
function pdfjsAssets(): Plugin {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const files = PDFJS_ASSET_FOLDERS.flatMap((folder) =>
    readdirSync(join(root, folder)).map((name) => `${folder}/${name}`),
  );
  return {
    name: 'dossier-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use(`/${PDFJS_ASSETS_DIR}/`, (request, response, next) => {
        const path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
        if (!files.includes(path)) return next();
        response.setHeader('Content-Type', 'application/octet-stream');
        response.end(readFileSync(join(root, path)));
      });
    },
    generateBundle() {
      for (const path of files) {
        const source = readFileSync(join(root, path));
        this.emitFile({ type: 'asset', fileName: `${PDFJS_ASSETS_DIR}/${path}`, source });
      }
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
    plugins: [react(), contentSecurityPolicy(), pdfjsAssets()],
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
