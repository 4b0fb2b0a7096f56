export * from './stores.ts';
export * from './catalogue-projection.ts';
