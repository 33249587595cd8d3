import { describe, expect, it } from 'vitest';
import { scopeChoices, scopeOf, type ExportContext } from './export-scopes';

const nothing: ExportContext = { pledge: null, document: null, shown: null };
const everything: ExportContext = {
  pledge: { id: 'p1', quote: 'Officials who collude with traffickers will be punished' },
  document: { id: 'd1', title: 'Justice Minister Vows Crackdown' },
  shown: { ids: ['a2', 'a1'], total: 5 },
};

describe('export scopes', () => {
  it('offers only the whole library when nothing is selected, saying why for the rest', () => {
    const choices = scopeChoices(nothing);
    expect(choices.map((c) => [c.label, c.unavailable ?? 'available'])).toEqual([
      ['Whole library', 'available'],
      ['Pledge dossier', 'Select a pledge in the reader, or open its dossier, first.'],
      ['Filtered annotations', 'Open All annotations and filter the table first.'],
      ['This document', 'Open a document in the reader first.'],
    ]);
    expect(scopeOf('dossier', nothing)).toBeNull();
    expect(scopeOf('filtered', nothing)).toBeNull();
    expect(scopeOf('document', nothing)).toBeNull();
    expect(scopeOf('library', nothing)).toEqual({ kind: 'library' });
  });

  it('makes each scope from what is selected, open or shown', () => {
    expect(scopeChoices(everything).every((c) => c.unavailable === undefined)).toBe(true);
    expect(scopeOf('dossier', everything)).toEqual({ kind: 'dossier', pledgeId: 'p1' });
    expect(scopeOf('document', everything)).toEqual({ kind: 'document', docId: 'd1' });
    // The table's order is the report's order.
    expect(scopeOf('filtered', everything)).toEqual({
      kind: 'filtered',
      annotationIds: ['a2', 'a1'],
    });
    const details = scopeChoices(everything).map((c) => c.detail);
    expect(details[1]).toContain('“Officials who collude with traffickers will be punished”');
    expect(details[2]).toBe(
      'The 2 of 5 annotations the All annotations table shows, in its order.',
    );
    expect(details[3]).toBe('The annotations of “Justice Minister Vows Crackdown”.');
  });

  it('refuses a filtered export of an empty table', () => {
    const empty = { ...nothing, shown: { ids: [], total: 5 } };
    expect(scopeChoices(empty)[2]?.unavailable).toBe(
      'The All annotations table shows no annotation.',
    );
    expect(scopeOf('filtered', empty)).toBeNull();
  });
});
