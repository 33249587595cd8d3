/**
 * Notes being typed, kept in localStorage at every keystroke until they are saved, so a
 * window closed or crashed in the middle of a note loses nothing: the next start saves them.
 */
const KEY = 'dossier.note-drafts';

export interface NoteDraft {
  /** What the analyst typed. */
  note: string;
  /** The note as stored when typing began: a draft is saved only over that same note. */
  base: string;
}

type Drafts = Record<string, NoteDraft>;

function read(): Drafts {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Drafts) : {};
  } catch {
    return {};
  }
}

function write(drafts: Drafts) {
  if (Object.keys(drafts).length === 0) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, JSON.stringify(drafts));
}

/** Keeps what is typed in an annotation's note; typing it back to the stored note drops it. */
export function keepNoteDraft(annotationId: string, note: string, base: string): void {
  const drafts = read();
  if (note === base) delete drafts[annotationId];
  else drafts[annotationId] = { note, base };
  write(drafts);
}

export function dropNoteDraft(annotationId: string): void {
  const drafts = read();
  if (!(annotationId in drafts)) return;
  delete drafts[annotationId];
  write(drafts);
}

/** Every draft left, by annotation id. */
export function noteDrafts(): Drafts {
  return read();
}

/**
 * Saves the drafts a closed window left, where the note is still as it was when typing began;
 * answers how many were saved. Each is an ordinary edit, so Undo takes it back.
 */
export async function saveLeftDrafts(
  current: (annotationId: string) => Promise<{ note: string } | undefined>,
  save: (annotationId: string, note: string) => Promise<unknown>,
): Promise<number> {
  let saved = 0;
  for (const [id, draft] of Object.entries(noteDrafts())) {
    const annotation = await current(id);
    if (
      annotation &&
      typeof draft?.note === 'string' &&
      annotation.note === draft.base &&
      draft.note !== annotation.note
    ) {
      await save(id, draft.note);
      saved += 1;
    }
    dropNoteDraft(id);
  }
  return saved;
}
