export * from './library';
export * from './chains';
export * from './rollup';
export * from './gaps';
export * from './matrix';
export * from './timeline';
