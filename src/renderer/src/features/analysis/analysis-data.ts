import { liveQuery } from 'dexie';
import { useEffect, useMemo } from 'react';
import {
  pledgeChains,
  prepareLibrary,
  type AnalysisDoc,
  type AnalysisLibrary,
  type PledgeChain,
} from '@core/analysis';
import type { Annotation, AnnotationLink } from '@core/model';
import { db } from '../../db/schema';
import { createStore, useStore } from '../../ui/store';

interface Loaded {
  annotations: Annotation[];
  links: AnnotationLink[];
  documents: AnalysisDoc[];
}

/**
 * The library as the Dossiers and Analysis views read it, loaded once and kept current while
 * any of them is shown, so switching between them computes and never reloads.
 */
const dataStore = createStore<Loaded | undefined>(undefined);
let users = 0;
let subscription: { unsubscribe(): void } | null = null;

function start() {
  users += 1;
  if (subscription) return;
  subscription = liveQuery(async () => {
    const database = db();
    const [annotations, links, documents] = await Promise.all([
      database.annotations.toArray(),
      database.links.toArray(),
      database.documents.toArray(),
    ]);
    return {
      annotations,
      links,
      documents: documents.map(({ id, title, date, source, format }) => ({
        id,
        title,
        date,
        source,
        format,
      })),
    };
  }).subscribe({ next: (value) => dataStore.set(value), error: () => dataStore.set(undefined) });
}

function stop() {
  users -= 1;
  // Kept a while: the next view to need it is usually a click away.
  setTimeout(() => {
    if (users === 0 && subscription) {
      subscription.unsubscribe();
      subscription = null;
    }
  }, 30_000);
}

export interface AnalysisData {
  library: AnalysisLibrary;
  chains: PledgeChain[];
}

const prepared = new WeakMap<Loaded, AnalysisData>();

/** The prepared library and its pledge chains; undefined while loading. */
export function useAnalysisData(): AnalysisData | undefined {
  useEffect(() => {
    start();
    return stop;
  }, []);
  const loaded = useStore(dataStore);
  return useMemo(() => {
    if (!loaded) return undefined;
    let data = prepared.get(loaded);
    if (!data) {
      const library = prepareLibrary(loaded);
      data = { library, chains: pledgeChains(library) };
      prepared.set(loaded, data);
    }
    return data;
  }, [loaded]);
}

/**
 * Marks the moment a view has drawn its figures (again whenever `key`, what it drew, changes),
 * for the analysis benchmark.
 */
export function useRenderedMark(name: string, ready: boolean, key: unknown): void {
  useEffect(() => {
    if (ready) performance.mark(`dossier:${name}`);
  }, [name, ready, key]);
}
