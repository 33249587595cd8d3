/**
 * The browser's storage for the library: asking it to keep the data (not evict it under
 * pressure), how much is used and free, and the backup reminder. Settings live in
 * localStorage, beside the library's IndexedDB database.
 */
const LAST_BACKUP_KEY = 'dossier.lastBackupAt';
const REMINDER_KEY = 'dossier.backupReminderDays';
const LOW_FRACTION = 0.1;
const LOW_BYTES = 500 * 1024 * 1024;

export interface StorageState {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/** Asks once at start that the library's storage be kept; browsers may decide silently. */
export async function requestPersistence(): Promise<boolean | null> {
  try {
    if (!navigator.storage?.persist) return null;
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

export async function storageState(): Promise<StorageState> {
  try {
    const [estimate, persisted] = await Promise.all([
      navigator.storage?.estimate?.() ?? Promise.resolve(undefined),
      navigator.storage?.persisted?.() ?? Promise.resolve(null),
    ]);
    return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
  } catch {
    return { usage: null, quota: null, persisted: null };
  }
}

/** Low when less than a tenth of the quota, or less than 500 MB, is left. */
export function isLowOnSpace(state: StorageState): boolean {
  if (state.usage === null || state.quota === null || state.quota === 0) return false;
  const free = state.quota - state.usage;
  return free < LOW_BYTES || free / state.quota < LOW_FRACTION;
}

export function formatBytes(n: number | null): string {
  if (n === null) return 'unknown';
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

export function lastBackupAt(): number | null {
  const v = Number(localStorage.getItem(LAST_BACKUP_KEY));
  return Number.isFinite(v) && v > 0 ? v : null;
}

export function recordBackup(at: number): void {
  localStorage.setItem(LAST_BACKUP_KEY, String(at));
}

/** Days after which to remind; null when reminders are off (the default). */
export function reminderDays(): number | null {
  const v = Number(localStorage.getItem(REMINDER_KEY));
  return Number.isInteger(v) && v > 0 ? v : null;
}

export function setReminderDays(days: number | null): void {
  if (days === null) localStorage.removeItem(REMINDER_KEY);
  else localStorage.setItem(REMINDER_KEY, String(Math.max(1, Math.round(days))));
}

/** True when reminders are on and the last backup (if any) is older than the set days. */
export function backupDue(now: number, hasDocuments: boolean): boolean {
  const days = reminderDays();
  if (days === null || !hasDocuments) return false;
  const last = lastBackupAt();
  return last === null || now - last > days * 24 * 60 * 60 * 1000;
}

/** A storage-full failure in words, or null for any other error. */
export function storageFullMessage(error: unknown): string | null {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const inner = (error as { inner?: unknown } | null)?.inner;
  if (name === 'QuotaExceededError' || (inner && storageFullMessage(inner))) {
    return 'not stored: the disk or the browser’s storage for Dossier is full (free some space, then import it again)';
  }
  return null;
}
