import type { MergeSummary } from '@core/exchange/merge';

/** Messages to the exchange worker, which reads and writes whole libraries off the page's thread. */
export type ExchangeRequest =
  | { type: 'backup'; appVersion: string }
  | {
      type: 'restore';
      bytes: Uint8Array;
      /** The backup's file name and the window restoring it, for the record of the restore. */
      fileName: string;
      owner: string;
    }
  | { type: 'cancel' };

export type ExchangeResponse =
  | { type: 'backup'; bytes: Uint8Array }
  | { type: 'restore'; summary: MergeSummary; restored: boolean }
  | { type: 'cancelled' };
