import { describe, expect, it } from 'vitest';
import { createAppPolicy, isPermissionGranted, isTrustedSenderEvent } from './app-policy';

const rendererIndexPath = '/opt/dossier/out/renderer/index.html';
const appUrl = 'file:///opt/dossier/out/renderer/index.html';

describe('production policy (file://)', () => {
  const policy = createAppPolicy({ rendererIndexPath });

  it('loads the built index.html', () => {
    expect(policy.entryUrl).toBe(appUrl);
  });

  it('treats only the app page as the app, whatever its hash or query', () => {
    expect(policy.isAppUrl(appUrl)).toBe(true);
    expect(policy.isAppUrl(`${appUrl}#/doc/1?x=1`)).toBe(true);
    expect(policy.isAppUrl('file:///etc/passwd')).toBe(false);
    expect(policy.isAppUrl('file:///opt/dossier/out/renderer/other.html')).toBe(false);
    expect(policy.isAppUrl('http://localhost:5173/')).toBe(false);
    expect(policy.isAppUrl('not a url')).toBe(false);
  });

  it('allows only local requests', () => {
    for (const url of [
      `${appUrl}`,
      'file:///opt/dossier/out/renderer/assets/pdf.worker.js',
      'blob:file:///0b5c1d1e-0000-4000-8000-000000000000',
      'data:image/png;base64,AAAA',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(policy.isAllowedRequest(url), url).toBe(true);
    }
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'ftp://example.com/x',
      '',
    ]) {
      expect(policy.isAllowedRequest(url), url).toBe(false);
    }
  });
});

describe('development policy (dev server)', () => {
  const policy = createAppPolicy({ rendererIndexPath, devServerUrl: 'http://localhost:5173' });

  it('loads and trusts the dev server origin only', () => {
    expect(policy.entryUrl).toBe('http://localhost:5173/');
    expect(policy.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(policy.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(policy.isAppUrl(appUrl)).toBe(false);
  });

  it('lets hot reload through and nothing else', () => {
    expect(policy.isAllowedRequest('http://localhost:5173/@vite/client')).toBe(true);
    expect(policy.isAllowedRequest('ws://localhost:5173/?token=abc')).toBe(true);
    expect(policy.isAllowedRequest('http://localhost:8080/')).toBe(false);
    expect(policy.isAllowedRequest('https://registry.npmjs.org/')).toBe(false);
  });
});

describe('isTrustedSenderEvent', () => {
  const policy = createAppPolicy({ rendererIndexPath });

  it('trusts the app top-level frame only', () => {
    expect(isTrustedSenderEvent(policy, { senderFrame: { url: appUrl, parent: null } })).toBe(true);
    expect(isTrustedSenderEvent(policy, { senderFrame: { url: appUrl, parent: {} } })).toBe(false);
    expect(
      isTrustedSenderEvent(policy, { senderFrame: { url: 'https://x.example/', parent: null } }),
    ).toBe(false);
    expect(isTrustedSenderEvent(policy, { senderFrame: null })).toBe(false);
    expect(isTrustedSenderEvent(policy, {})).toBe(false);
  });
});

describe('isPermissionGranted', () => {
  it('refuses device, location and notification permissions', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      expect(isPermissionGranted(permission), permission).toBe(false);
    }
    expect(isPermissionGranted('clipboard-sanitized-write')).toBe(true);
  });
});
