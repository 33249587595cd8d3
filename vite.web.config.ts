import { defineConfig } from 'vite';
import { rendererConfig } from './vite.renderer.config.ts';

/** The same renderer as a plain web app, served on localhost and tested in Chromium. */
export default defineConfig(rendererConfig('out/web'));
