export * from './stores.ts';
export * from './catalogue-projection.ts';
export * from './commands.ts';
