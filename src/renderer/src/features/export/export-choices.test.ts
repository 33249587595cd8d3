import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPORT_CHOICES,
  EXPORT_CHOICES_KEY,
  loadExportChoices,
  saveExportChoices,
} from './export-choices';

function memoryStore(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  };
}

describe('remembered export choices', () => {
  it('starts from the defaults and returns what was saved', () => {
    const store = memoryStore();
    expect(loadExportChoices(store)).toEqual(DEFAULT_EXPORT_CHOICES);
    saveExportChoices({ scope: 'dossier', arrangement: 'tag', format: 'docx' }, store);
    expect(loadExportChoices(store)).toEqual({
      scope: 'dossier',
      arrangement: 'tag',
      format: 'docx',
    });
  });

  it('keeps the readable fields of a damaged or older entry and drops the rest', () => {
    const cases: [string, object][] = [
      ['not json', DEFAULT_EXPORT_CHOICES],
      ['null', DEFAULT_EXPORT_CHOICES],
      [JSON.stringify({ format: 'xlsx' }), { ...DEFAULT_EXPORT_CHOICES, format: 'xlsx' }],
      [
        JSON.stringify({ scope: 'everything', format: 'csv' }),
        { ...DEFAULT_EXPORT_CHOICES, format: 'csv' },
      ],
    ];
    for (const [raw, expected] of cases) {
      expect(loadExportChoices(memoryStore({ [EXPORT_CHOICES_KEY]: raw })), raw).toEqual(expected);
    }
  });

  it('survives storage that throws (full, or disabled by the browser)', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadExportChoices(broken)).toEqual(DEFAULT_EXPORT_CHOICES);
    expect(() => saveExportChoices(DEFAULT_EXPORT_CHOICES, broken)).not.toThrow();
  });
});
