/** The views of the workspace, in the navigation bar's order (Alt+1 … Alt+5). */
export const VIEWS = ['library', 'reader', 'annotations', 'dossiers', 'analysis'] as const;
export type ViewName = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<ViewName, string> = {
  library: 'Library',
  reader: 'Reader',
  annotations: 'Annotations',
  dossiers: 'Dossiers',
  analysis: 'Analysis',
};

export const ANALYSIS_TABS = ['matrix', 'timeline', 'gaps'] as const;
export type AnalysisTab = (typeof ANALYSIS_TABS)[number];

/** Where the workspace is: a view, and within it the open document, dossier or tab. */
export type Route =
  | { view: 'library' }
  | { view: 'reader'; docId: string | null }
  | { view: 'annotations'; tab: 'all' | 'review' }
  | { view: 'dossiers'; pledgeId: string | null }
  | { view: 'analysis'; tab: AnalysisTab };

export const DEFAULT_ROUTE: Route = { view: 'library' };

/** Reads a location hash such as "#/reader/<id>"; anything unknown is the Library. */
export function parseHash(hash: string): Route {
  const [view = '', arg = ''] = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return '';
      }
    });
  switch (view) {
    case 'reader':
      return { view, docId: arg || null };
    case 'annotations':
      return { view, tab: arg === 'review' ? 'review' : 'all' };
    case 'dossiers':
      return { view, pledgeId: arg || null };
    case 'analysis':
      return {
        view,
        tab: (ANALYSIS_TABS as readonly string[]).includes(arg) ? (arg as AnalysisTab) : 'matrix',
      };
    default:
      return DEFAULT_ROUTE;
  }
}

export function formatHash(route: Route): string {
  const part = (s: string) => `/${encodeURIComponent(s)}`;
  switch (route.view) {
    case 'library':
      return '#/library';
    case 'reader':
      return `#/reader${route.docId ? part(route.docId) : ''}`;
    case 'annotations':
      return `#/annotations${route.tab === 'review' ? '/review' : ''}`;
    case 'dossiers':
      return `#/dossiers${route.pledgeId ? part(route.pledgeId) : ''}`;
    case 'analysis':
      return `#/analysis${part(route.tab)}`;
  }
}
