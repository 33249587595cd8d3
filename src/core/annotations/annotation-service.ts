import type { Annotation, AnnotationTarget, Tag } from '../model';

/** Where annotations are kept. The service never knows whether it is IndexedDB or memory. */
export interface AnnotationStore {
  get(id: string): Promise<Annotation | undefined>;
  put(annotation: Annotation): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface NewAnnotation {
  docId: string;
  tag: Tag;
  note?: string;
  target: AnnotationTarget;
}

export interface AnnotationPatch {
  tag?: Tag;
  note?: string;
  /** The analyst checked an annotation flagged for review. */
  reviewed?: true;
}

/** One undoable step: the annotation before and after (undefined = absent). */
interface Change {
  label: string;
  before: Annotation | undefined;
  after: Annotation | undefined;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface AnnotationServiceOptions {
  now?: () => number;
  newId?: () => string;
  historyLimit?: number;
}

/**
 * Creating, editing and deleting annotations, with undo and redo. UI-free: persistence is
 * injected, and every operation is queued so that rapid commands apply in order.
 */
export class AnnotationService {
  private readonly undoStack: Change[] = [];
  private readonly redoStack: Change[] = [];
  private readonly listeners = new Set<(state: HistoryState) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly historyLimit: number;

  constructor(
    private readonly store: AnnotationStore,
    options: AnnotationServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.historyLimit = options.historyLimit ?? 200;
  }

  create(input: NewAnnotation): Promise<Annotation> {
    return this.enqueue(async () => {
      const time = this.now();
      const annotation: Annotation = {
        id: this.newId(),
        docId: input.docId,
        tag: input.tag,
        note: input.note ?? '',
        target: input.target,
        createdAt: time,
        updatedAt: time,
      };
      await this.store.put(annotation);
      this.record({ label: `create ${input.tag}`, before: undefined, after: annotation });
      return annotation;
    });
  }

  update(id: string, patch: AnnotationPatch): Promise<Annotation> {
    return this.enqueue(async () => {
      const before = await this.store.get(id);
      if (!before) throw new Error(`Annotation ${id} no longer exists`);
      const { review, ...rest } = before;
      const after: Annotation = {
        ...rest,
        ...(patch.reviewed || !review ? {} : { review }),
        ...definedOnly(patch),
        updatedAt: this.now(),
      };
      const unchanged =
        after.tag === before.tag && after.note === before.note && after.review === before.review;
      if (unchanged) return before;
      await this.store.put(after);
      const label =
        patch.tag !== undefined && patch.tag !== before.tag
          ? 're-tag'
          : patch.reviewed
            ? 'mark checked'
            : 'edit note';
      this.record({ label, before, after });
      return after;
    });
  }

  remove(id: string): Promise<void> {
    return this.enqueue(async () => {
      const before = await this.store.get(id);
      if (!before) return;
      await this.store.remove(id);
      this.record({ label: `delete ${before.tag}`, before, after: undefined });
    });
  }

  /** Reverts the last change; resolves to the annotation id it touched, or null. */
  undo(): Promise<string | null> {
    return this.enqueue(async () => {
      const change = this.undoStack.pop();
      if (!change) return null;
      await this.apply(change.before, change.after);
      this.redoStack.push(change);
      this.emit();
      return (change.before ?? change.after)?.id ?? null;
    });
  }

  redo(): Promise<string | null> {
    return this.enqueue(async () => {
      const change = this.redoStack.pop();
      if (!change) return null;
      await this.apply(change.after, change.before);
      this.undoStack.push(change);
      this.emit();
      return (change.after ?? change.before)?.id ?? null;
    });
  }

  history(): HistoryState {
    return {
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      undoLabel: this.undoStack[this.undoStack.length - 1]?.label ?? null,
      redoLabel: this.redoStack[this.redoStack.length - 1]?.label ?? null,
    };
  }

  subscribe(listener: (state: HistoryState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async apply(target: Annotation | undefined, current: Annotation | undefined) {
    if (target) await this.store.put(target);
    else if (current) await this.store.remove(current.id);
  }

  private record(change: Change) {
    this.undoStack.push(change);
    if (this.undoStack.length > this.historyLimit) this.undoStack.shift();
    this.redoStack.length = 0;
    this.emit();
  }

  private emit() {
    const state = this.history();
    for (const listener of this.listeners) listener(state);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The tag and note fields a patch sets, leaving out those it does not mention. */
function definedOnly(patch: AnnotationPatch): Partial<Pick<Annotation, 'tag' | 'note'>> {
  const out: Partial<Pick<Annotation, 'tag' | 'note'>> = {};
  if (patch.tag !== undefined) out.tag = patch.tag;
  if (patch.note !== undefined) out.note = patch.note;
  return out;
}
