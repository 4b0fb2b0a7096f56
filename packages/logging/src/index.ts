export * from './logger.ts';
export * from './correlation.ts';
