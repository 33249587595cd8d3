import { BACKUP_EXTENSION, BACKUP_MIME, type ExchangeProgress } from '@core/exchange/backup-format';
import type { MergeSummary } from '@core/exchange/merge';
import { createExchangeClient } from '../../workers/clients';
import type { JobClient } from '../../workers/job-client';
import type { HostApi } from '../../host';
import { holdWindowLock, windowId } from '../import/import-owner';
import { searchService } from '../search/search-service';
import type { ExchangeRequest, ExchangeResponse } from './exchange-protocol';
import { recordBackup } from './storage';

// The version the build was made from (package.json), written into every backup's manifest.
const APP_VERSION = __DOSSIER_VERSION__;

/** The page's side of backup and restore; the work runs in the exchange worker. */
class ExchangeService {
  private client: JobClient<ExchangeRequest, ExchangeResponse, ExchangeProgress> | null = null;

  private worker() {
    this.client ??= createExchangeClient();
    return this.client;
  }

  /** Writes a backup and hands it to the host to save; false when the analyst cancels saving. */
  async backup(host: HostApi, onProgress: (p: ExchangeProgress) => void): Promise<boolean> {
    const reply = await this.worker().request(
      { type: 'backup', appVersion: APP_VERSION },
      [],
      onProgress,
    );
    if (reply.type !== 'backup') throw new Error('the backup worker answered out of turn');
    const date = new Date().toISOString().slice(0, 10);
    const saved = await host.saveFile(
      `Dossier library ${date}.${BACKUP_EXTENSION}`,
      reply.bytes,
      BACKUP_MIME,
    );
    if (saved) recordBackup(Date.now());
    return saved;
  }

  /** Restores or merges a backup; the search index then takes in what came. */
  async restore(
    bytes: Uint8Array,
    fileName: string,
    onProgress: (p: ExchangeProgress) => void,
  ): Promise<{ summary: MergeSummary; restored: boolean }> {
    // Held before the restore is on record, so no other window takes it for interrupted.
    await holdWindowLock();
    const reply = await this.worker().request(
      { type: 'restore', bytes, fileName, owner: windowId },
      [bytes.buffer as ArrayBuffer],
      onProgress,
    );
    if (reply.type !== 'restore') throw new Error('the restore worker answered out of turn');
    void searchService.rebuild();
    return reply;
  }

  /** Asks the running job to stop; it stops before it commits anything. */
  cancel(): void {
    void this.client?.request({ type: 'cancel' });
  }
}

export const exchangeService = new ExchangeService();
