export * from './logger.ts';
export * from './sink-stream.ts';
export * from './correlation.ts';
