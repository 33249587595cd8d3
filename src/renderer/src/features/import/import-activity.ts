import { createStore } from '../../ui/store';

/**
 * Whether this window is importing. The search index takes in an import's documents once it
 * ends, so meanwhile search says that what is being imported is not searched yet.
 */
export const importActivity = createStore<boolean>(false);
