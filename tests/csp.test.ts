import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The Content-Security-Policy of both built pages: the desktop app's (out/renderer, loaded from
 * file://, where a <meta> is the only place for it) and the web app's (out/web). The web page's
 * policy is also tried in Chromium, with an injected inline script refused (e2e/xss.spec.ts).
 */

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/;

function policyOf(html: string): Map<string, string[]> {
  const content = (CSP_META.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
  return new Map(
    content
      .split(';')
      .filter((d) => d.trim())
      .map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
  );
}

describe('the Content-Security-Policy of the built pages', () => {
  for (const build of ['out/renderer', 'out/web']) {
    const page = fileURLToPath(new URL(`../${build}/index.html`, import.meta.url));
    it(`${build}: script only from the app itself, nothing from elsewhere, before any script`, (context) => {
      if (!existsSync(page)) {
        console.warn(`Skipping the CSP check of ${build}: not built (npm run build / build:web)`);
        return context.skip(`${build} is not built`);
      }
      const html = readFileSync(page, 'utf8');
      const directives = policyOf(html);
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
      expect(html.search(CSP_META)).toBeLessThan(html.indexOf('<script'));
    });
  }
});
