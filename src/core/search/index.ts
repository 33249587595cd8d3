export * from './lunr-index';
export * from './snippets';
