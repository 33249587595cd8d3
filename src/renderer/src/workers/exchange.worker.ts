import type { ExchangeProgress } from '@core/exchange/backup-format';
import { writeBackup } from '@core/exchange/backup-write';
import { backupSource, restoreBackup } from '../db/library-exchange';
import { db } from '../db/schema';
import type { ExchangeRequest, ExchangeResponse } from '../features/exchange/exchange-protocol';
import { serveJobs } from './serve';

// The job running now; a 'cancel' message arrives while it awaits and flags it.
let running: { aborted: boolean } | null = null;

serveJobs<ExchangeRequest, ExchangeResponse, ExchangeProgress>(
  async (request, report) => {
    if (request.type === 'cancel') {
      if (running) running.aborted = true;
      return { type: 'cancelled' };
    }
    const signal = { aborted: false };
    running = signal;
    try {
      if (request.type === 'backup') {
        const chunks = await writeBackup(backupSource(db()), {
          appVersion: request.appVersion,
          signal,
          onProgress: report,
        });
        const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
        let at = 0;
        for (const c of chunks) {
          bytes.set(c, at);
          at += c.byteLength;
        }
        return { type: 'backup', bytes };
      }
      const job = {
        id: crypto.randomUUID(),
        fileName: request.fileName,
        startedAt: Date.now(),
        owner: request.owner,
      };
      const result = await restoreBackup(db(), request.bytes, {
        signal,
        onProgress: report,
        job,
      });
      return { type: 'restore', ...result };
    } finally {
      running = null;
    }
  },
  (response) => (response.type === 'backup' ? [response.bytes.buffer as ArrayBuffer] : []),
);
