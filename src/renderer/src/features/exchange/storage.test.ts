import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isLowOnSpace, storageFullMessage } from './storage';

const FULL = 'not stored: the disk or the browser’s storage for Dossier is full';

describe('a storage-full failure', () => {
  it('is told in words whether it comes bare or wrapped by the database layer', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(storageFullMessage(quota)).toContain(FULL);
    // A transaction aborted by the quota reaches the app as Dexie's AbortError around it.
    expect(storageFullMessage(new Dexie.AbortError('Transaction aborted', quota))).toContain(FULL);
    expect(storageFullMessage(new Dexie.QuotaExceededError('full'))).toContain(FULL);
  });

  it('is not claimed for other failures', () => {
    expect(storageFullMessage(new Error('QuotaExceededError: disk full'))).toBeNull();
    expect(storageFullMessage(new Dexie.ConstraintError('Key already exists'))).toBeNull();
    expect(storageFullMessage(null)).toBeNull();
    expect(storageFullMessage('QuotaExceededError')).toBeNull();
  });
});

describe('low on space', () => {
  const MB = 1024 * 1024;
  it('warns under a tenth of the quota or under 500 MB free, and never on unknown figures', () => {
    expect(isLowOnSpace({ usage: 100 * MB, quota: 10_000 * MB, persisted: true })).toBe(false);
    expect(isLowOnSpace({ usage: 9_600 * MB, quota: 10_000 * MB, persisted: true })).toBe(true);
    expect(isLowOnSpace({ usage: 100 * MB, quota: 550 * MB, persisted: true })).toBe(true);
    expect(isLowOnSpace({ usage: null, quota: 550 * MB, persisted: null })).toBe(false);
    expect(isLowOnSpace({ usage: 0, quota: 0, persisted: null })).toBe(false);
  });
});
