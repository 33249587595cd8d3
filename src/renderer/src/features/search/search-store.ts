import { NO_FILTERS, type FacetFilters } from '@core/search/query/facets';
import { createStore } from '../../ui/store';
import type { SearchScope } from './use-search';

export interface SearchState {
  query: string;
  scope: SearchScope;
  filters: FacetFilters;
}

/** The search box's query, what it searches, and the facets chosen: shared by toolbar and reader. */
export const searchStore = createStore<SearchState>({
  query: '',
  scope: 'documents',
  filters: NO_FILTERS,
});
