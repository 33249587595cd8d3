import { useEffect, useState } from 'react';
import { db } from '../../db/schema';
import { Dialog } from '../../ui/Dialog';
import {
  formatBytes,
  isLowOnSpace,
  lastBackupAt,
  reminderDays,
  setReminderDays,
  storageState,
  type StorageState,
} from './storage';

/** Documents, annotations, storage used and free, last backup, and the backup reminder setting. */
export function AboutLibrary({ onClose }: { onClose: () => void }) {
  const [counts, setCounts] = useState<{ documents: number; annotations: number } | null>(null);
  const [storage, setStorage] = useState<StorageState | null>(null);
  const [days, setDays] = useState<number | null>(reminderDays());
  useEffect(() => {
    void Promise.all([db().documents.count(), db().annotations.count()]).then(
      ([documents, annotations]) => setCounts({ documents, annotations }),
    );
    void storageState().then(setStorage);
  }, []);
  const last = lastBackupAt();
  const free =
    storage && storage.quota !== null && storage.usage !== null
      ? storage.quota - storage.usage
      : null;
  return (
    <Dialog title="About this library" onClose={onClose}>
      <dl className="about-library">
        <dt>Documents</dt>
        <dd>{counts?.documents ?? '…'}</dd>
        <dt>Annotations</dt>
        <dd>{counts?.annotations ?? '…'}</dd>
        <dt>Storage used</dt>
        <dd>{storage ? formatBytes(storage.usage) : '…'}</dd>
        <dt>Space available</dt>
        <dd>{storage ? formatBytes(free) : '…'}</dd>
        <dt>Kept by the browser</dt>
        <dd>
          {storage?.persisted === null || !storage
            ? 'unknown'
            : storage.persisted
              ? 'yes'
              : 'no (it may be cleared when space runs low)'}
        </dd>
        <dt>Last backup</dt>
        <dd>{last ? new Date(last).toLocaleString() : 'never'}</dd>
      </dl>
      {storage && isLowOnSpace(storage) ? (
        <p role="alert">Space is running low: back up the library and free some disk space.</p>
      ) : null}
      <fieldset>
        <legend>Backup reminder</legend>
        <label>
          <input
            type="checkbox"
            checked={days !== null}
            onChange={(e) => {
              const next = e.target.checked ? 14 : null;
              setReminderDays(next);
              setDays(next);
            }}
          />{' '}
          Remind me to back up
        </label>{' '}
        <label>
          when the last backup is older than{' '}
          <input
            type="number"
            min={1}
            max={365}
            disabled={days === null}
            value={days ?? 14}
            onChange={(e) => {
              const n = Math.max(1, Math.min(365, Number(e.target.value) || 1));
              setReminderDays(n);
              setDays(n);
            }}
            aria-label="Days between backups"
          />{' '}
          days
        </label>
      </fieldset>
    </Dialog>
  );
}
