/**
 * The library's consistency, checked at every start: what a crash, a damaged disk or an older
 * version may have left half-done, and what is done about each. Nothing the analyst wrote is
 * deleted: an annotation whose document is gone is kept and listed in Needs review.
 */

/** The keys the check looks at, read from the library in one go. */
export interface LibraryFacts {
  documentIds: readonly string[];
  contentIds: readonly string[];
  originalIds: readonly string[];
  /** Each annotation's id and its document's. */
  annotations: readonly { id: string; docId: string }[];
  links: readonly { id: string; fromId: string; toId: string }[];
}

export interface LibraryRepairs {
  /** Links from or to an annotation that is gone: removed (they link nothing). */
  danglingLinks: string[];
  /** Annotations whose document is gone: kept, and listed in Needs review. */
  orphanAnnotations: string[];
  /** Documents whose text is gone but whose original file is kept: their text is read again. */
  textToRestore: string[];
  /** Documents with neither text nor file: nothing left to show, so removed from the list. */
  emptyDocuments: string[];
  /** Texts and files left without their document (nothing lists them): removed. */
  strayContents: string[];
  strayOriginals: string[];
}

export function checkLibrary(facts: LibraryFacts): LibraryRepairs {
  const documents = new Set(facts.documentIds);
  const contents = new Set(facts.contentIds);
  const originals = new Set(facts.originalIds);
  const annotations = new Set(facts.annotations.map((a) => a.id));
  const textToRestore: string[] = [];
  const emptyDocuments: string[] = [];
  for (const id of facts.documentIds) {
    if (contents.has(id)) continue;
    (originals.has(id) ? textToRestore : emptyDocuments).push(id);
  }
  const removed = new Set(emptyDocuments);
  return {
    danglingLinks: facts.links
      .filter((l) => !annotations.has(l.fromId) || !annotations.has(l.toId))
      .map((l) => l.id),
    orphanAnnotations: facts.annotations
      .filter((a) => !documents.has(a.docId) || removed.has(a.docId))
      .map((a) => a.id),
    textToRestore,
    emptyDocuments,
    strayContents: facts.contentIds.filter((id) => !documents.has(id)),
    strayOriginals: facts.originalIds.filter((id) => !documents.has(id) || removed.has(id)),
  };
}

/** Whether the check found anything to change in the library (orphans are only listed). */
export function needsRepair(repairs: LibraryRepairs): boolean {
  return (
    repairs.danglingLinks.length > 0 ||
    repairs.textToRestore.length > 0 ||
    repairs.emptyDocuments.length > 0 ||
    repairs.strayContents.length > 0 ||
    repairs.strayOriginals.length > 0
  );
}

/** What was done, for the analyst, one sentence per kind of repair. */
export interface RepairReport {
  repairs: LibraryRepairs;
  /** Titles of the documents whose text was read again from their file. */
  restored: string[];
  /** Documents whose text could not be read again, with the reason. */
  notRestored: { title: string; reason: string }[];
  /** Titles of the documents removed for having neither text nor file. */
  removedTitles: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeRepairs(report: RepairReport): string[] {
  const { repairs } = report;
  const lines: string[] = [];
  if (report.restored.length > 0) {
    lines.push(
      `The text of ${plural(report.restored.length, 'document')} was missing and was read again from ${report.restored.length === 1 ? 'its' : 'their'} original file: ${report.restored.map((t) => `“${t}”`).join(', ')}.`,
    );
  }
  for (const { title, reason } of report.notRestored) {
    lines.push(`The text of “${title}” is missing and could not be read again: ${reason}.`);
  }
  if (report.removedTitles.length > 0) {
    lines.push(
      `${plural(report.removedTitles.length, 'document')} had lost both text and original file and ${report.removedTitles.length === 1 ? 'was' : 'were'} removed from the library: ${report.removedTitles.map((t) => `“${t}”`).join(', ')}.`,
    );
  }
  if (repairs.danglingLinks.length > 0) {
    lines.push(
      `${plural(repairs.danglingLinks.length, 'link')} to annotations no longer in the library ${repairs.danglingLinks.length === 1 ? 'was' : 'were'} removed.`,
    );
  }
  if (repairs.orphanAnnotations.length > 0) {
    lines.push(
      `${plural(repairs.orphanAnnotations.length, 'annotation')} whose document is no longer in the library ${repairs.orphanAnnotations.length === 1 ? 'is' : 'are'} kept and listed in Needs review.`,
    );
  }
  const stray = repairs.strayContents.length + repairs.strayOriginals.length;
  if (stray > 0) {
    lines.push(
      `${plural(stray, 'stored text or file', 'stored texts and files')} without a document ${stray === 1 ? 'was' : 'were'} removed.`,
    );
  }
  return lines;
}
