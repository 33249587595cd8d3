import type { Annotation, AnnotationLink, AnnotationTarget, Relation, Tag } from '../model';
import { applyPatch, describePatch, type AnnotationPatch } from './annotation-patch';

export type { AnnotationPatch } from './annotation-patch';

/** Where annotations and their links are kept. The service never knows whether it is IndexedDB or memory. */
export interface AnnotationStore {
  get(id: string): Promise<Annotation | undefined>;
  put(annotation: Annotation): Promise<void>;
  remove(id: string): Promise<void>;
  /** Every link from or to the annotation. */
  linksOf(annotationId: string): Promise<AnnotationLink[]>;
  putLink(link: AnnotationLink): Promise<void>;
  removeLink(id: string): Promise<void>;
  /** Runs the writes of one step all-or-nothing, where the store can. */
  atomically?<T>(work: () => Promise<T>): Promise<T>;
}

export interface NewAnnotation {
  docId: string;
  tag: Tag;
  note?: string;
  actor?: string;
  statementDate?: string;
  target: AnnotationTarget;
}

/** A record before and after one step (undefined = absent). */
type Step =
  | { kind: 'annotation'; before: Annotation | undefined; after: Annotation | undefined }
  | { kind: 'link'; before: AnnotationLink | undefined; after: AnnotationLink | undefined };

/** One undoable command: its steps, applied in order and undone in reverse. */
interface Change {
  label: string;
  /** The annotation to select after undoing or redoing it. */
  focusId: string;
  steps: Step[];
  /** A command done elsewhere (deleting documents), undone and redone by its own functions. */
  outside?: { undo: () => Promise<void>; redo: () => Promise<void> };
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
 * Creating, editing, linking and deleting annotations, with undo and redo. UI-free: persistence
 * is injected, and every operation is queued so that rapid commands apply in order.
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
        ...(input.actor?.trim() ? { actor: input.actor.trim() } : {}),
        ...(input.statementDate ? { statementDate: input.statementDate } : {}),
        createdAt: time,
        updatedAt: time,
      };
      await this.commit({
        label: `create ${input.tag}`,
        focusId: annotation.id,
        steps: [{ kind: 'annotation', before: undefined, after: annotation }],
      });
      return annotation;
    });
  }

  update(id: string, patch: AnnotationPatch): Promise<Annotation> {
    return this.enqueue(async () => {
      const before = await this.store.get(id);
      if (!before) throw new Error(`Annotation ${id} no longer exists`);
      const after = applyPatch(before, patch, this.now());
      if (!after) return before;
      await this.commit({
        label: describePatch(patch, before),
        focusId: id,
        steps: [{ kind: 'annotation', before, after }],
      });
      return after;
    });
  }

  /**
   * Links an annotation to a pledge. Linking the same pair again changes the relation rather
   * than adding a second link.
   */
  link(fromId: string, toId: string, relation: Relation): Promise<AnnotationLink> {
    return this.enqueue(async () => {
      if (fromId === toId) throw new Error('An annotation cannot be linked to itself');
      const [from, to] = await Promise.all([this.store.get(fromId), this.store.get(toId)]);
      if (!from || !to) throw new Error('Both annotations must exist to link them');
      if (to.tag !== 'pledge') throw new Error('Links point to a pledge');
      const existing = (await this.store.linksOf(fromId)).find(
        (l) => l.fromId === fromId && l.toId === toId,
      );
      if (existing?.relation === relation) return existing;
      const after: AnnotationLink = existing
        ? { ...existing, relation }
        : { id: this.newId(), fromId, toId, relation, createdAt: this.now() };
      await this.commit({
        label: `link (${relation})`,
        focusId: fromId,
        steps: [{ kind: 'link', before: existing, after }],
      });
      return after;
    });
  }

  unlink(linkId: string, fromId: string): Promise<void> {
    return this.enqueue(async () => {
      const before = (await this.store.linksOf(fromId)).find((l) => l.id === linkId);
      if (!before) return;
      await this.commit({
        label: 'unlink',
        focusId: fromId,
        steps: [{ kind: 'link', before, after: undefined }],
      });
    });
  }

  /** Deletes an annotation and every link from or to it; undo brings all of them back. */
  remove(id: string): Promise<void> {
    return this.enqueue(async () => {
      const before = await this.store.get(id);
      if (!before) return;
      const links = await this.store.linksOf(id);
      await this.commit({
        label: `delete ${before.tag}`,
        focusId: id,
        steps: [
          ...links.map((l): Step => ({ kind: 'link', before: l, after: undefined })),
          { kind: 'annotation', before, after: undefined },
        ],
      });
    });
  }

  /**
   * Puts a command that was carried out outside the service (such as deleting documents with
   * their annotations) on the same undo history, so Undo and Redo take it back and forth.
   */
  recordDone(label: string, undo: () => Promise<void>, redo: () => Promise<void>): Promise<void> {
    return this.enqueue(async () => {
      this.undoStack.push({ label, focusId: '', steps: [], outside: { undo, redo } });
      if (this.undoStack.length > this.historyLimit) this.undoStack.shift();
      this.redoStack.length = 0;
      this.emit();
    });
  }

  /** Reverts the last change; resolves to the annotation id it touched, or null. */
  undo(): Promise<string | null> {
    return this.enqueue(async () => {
      const change = this.undoStack.pop();
      if (!change) return null;
      if (change.outside) await change.outside.undo();
      else await this.write(change.steps.toReversed().map(invert));
      this.redoStack.push(change);
      this.emit();
      return change.focusId || null;
    });
  }

  redo(): Promise<string | null> {
    return this.enqueue(async () => {
      const change = this.redoStack.pop();
      if (!change) return null;
      if (change.outside) await change.outside.redo();
      else await this.write(change.steps);
      this.undoStack.push(change);
      this.emit();
      return change.focusId || null;
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

  private async commit(change: Change) {
    await this.write(change.steps);
    this.undoStack.push(change);
    if (this.undoStack.length > this.historyLimit) this.undoStack.shift();
    this.redoStack.length = 0;
    this.emit();
  }

  private async write(steps: readonly Step[]) {
    const run = async () => {
      for (const step of steps) {
        if (step.kind === 'annotation') {
          if (step.after) await this.store.put(step.after);
          else if (step.before) await this.store.remove(step.before.id);
        } else if (step.after) await this.store.putLink(step.after);
        else if (step.before) await this.store.removeLink(step.before.id);
      }
    };
    await (this.store.atomically ? this.store.atomically(run) : run());
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

function invert(step: Step): Step {
  return step.kind === 'annotation'
    ? { kind: 'annotation', before: step.after, after: step.before }
    : { kind: 'link', before: step.after, after: step.before };
}
