import { z } from 'zod';
import { REPORT_ARRANGEMENTS, REPORT_FORMATS } from '@core/export/report-types';

/** The export dialog's last choices, kept in the app's local storage (never in the library). */
export const EXPORT_CHOICES_KEY = 'dossier.export-choices';

const ExportChoicesSchema = z.object({
  scope: z.enum(['library', 'dossier', 'filtered', 'document']),
  arrangement: z.enum(REPORT_ARRANGEMENTS),
  format: z.enum(REPORT_FORMATS),
});
export type ExportChoices = z.infer<typeof ExportChoicesSchema>;

export const DEFAULT_EXPORT_CHOICES: ExportChoices = {
  scope: 'library',
  arrangement: 'pledge',
  format: 'html',
};

/** Storage as the page has it; an argument so tests pass their own. */
type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStore(): KeyValueStore | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled by the browser's settings
  }
}

/** The remembered choices; what is missing, unreadable or from another version falls back. */
export function loadExportChoices(store = defaultStore()): ExportChoices {
  try {
    const raw = store?.getItem(EXPORT_CHOICES_KEY);
    if (!raw) return DEFAULT_EXPORT_CHOICES;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return DEFAULT_EXPORT_CHOICES;
    // Field by field: a choice this version no longer offers leaves the others remembered.
    const field = <K extends keyof ExportChoices>(key: K): ExportChoices[K] => {
      const parsed = ExportChoicesSchema.shape[key].safeParse(
        (value as Record<string, unknown>)[key],
      );
      return parsed.success ? (parsed.data as ExportChoices[K]) : DEFAULT_EXPORT_CHOICES[key];
    };
    return { scope: field('scope'), arrangement: field('arrangement'), format: field('format') };
  } catch {
    return DEFAULT_EXPORT_CHOICES;
  }
}

export function saveExportChoices(choices: ExportChoices, store = defaultStore()): void {
  try {
    store?.setItem(EXPORT_CHOICES_KEY, JSON.stringify(choices));
  } catch {
    // Full or disabled storage: the choices are a convenience, the export itself went on.
  }
}
