import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../vite.renderer.config';

/**
 * The Content-Security-Policy both builds carry: the desktop app's page (out/renderer, loaded
 * from file://, where a <meta> is the only place for it) and the web app's (out/web). The web
 * build's policy is also checked in Chromium, with an injected inline script refused
 * (e2e/xss.spec.ts).
 */

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...values] = d.trim().split(/\s+/);
    return [name, values] as const;
  }),
);

describe('the Content-Security-Policy', () => {
  it('allows script only from the app itself, and nothing from elsewhere', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    for (const values of directives.values()) {
      expect(values.filter((v) => /^https?:|^\*$|unsafe-eval/.test(v))).toEqual([]);
    }
  });

  for (const build of ['out/renderer', 'out/web']) {
    const page = fileURLToPath(new URL(`../${build}/index.html`, import.meta.url));
    it(`is in the built page of ${build}, before any script`, (context) => {
      if (!existsSync(page)) {
        console.warn(`Skipping the CSP check of ${build}: not built (npm run build / build:web)`);
        return context.skip(`${build} is not built`);
      }
      const html = readFileSync(page, 'utf8');
      const meta = html.indexOf(
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}"`,
      );
      const metaPlain = html.indexOf(
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"`,
      );
      const at = meta >= 0 ? meta : metaPlain;
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(html.indexOf('<script'));
    });
  }
});
