import { createStore, useStore } from '../../ui/store';
import { formatHash, parseHash, type Route, type ViewName } from './route';

/**
 * The workspace's place lives in the location's hash, so Back, Forward and reload work in the
 * browser and in the desktop app (which loads a file: URL) alike.
 */
export const routeStore = createStore<Route>(parseHash(window.location.hash));

/** The last place in each view, so switching back returns to the same document or tab. */
const lastInView = new Map<ViewName, Route>();

window.addEventListener('hashchange', () => {
  const route = parseHash(window.location.hash);
  lastInView.set(route.view, route);
  routeStore.set(route);
});
lastInView.set(routeStore.get().view, routeStore.get());

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = formatHash(route);
  lastInView.set(route.view, route);
  if (window.location.hash === hash) return;
  if (options.replace) {
    window.history.replaceState(window.history.state, '', hash);
    routeStore.set(route);
  } else {
    window.location.hash = hash;
  }
}

/** The place to go for a view from the navigation: where the analyst last was in it. */
export function routeForView(view: ViewName): Route {
  const last = lastInView.get(view);
  if (last) return last;
  switch (view) {
    case 'library':
      return { view };
    case 'reader':
      return { view, docId: null };
    case 'annotations':
      return { view, tab: 'all' };
    case 'dossiers':
      return { view, pledgeId: null };
    case 'analysis':
      return { view, tab: 'matrix' };
  }
}

export function useRoute(): Route {
  return useStore(routeStore);
}

/** Opens a document in the reader. */
export function openDocumentRoute(docId: string): void {
  navigate({ view: 'reader', docId });
}
