import type { LogLine } from '@astro/api';

export type LogLevel = LogLine['level'];

/** The levels in order of severity, as the filter offers them and the histogram stacks them. */
export const logLevels = ['debug', 'info', 'warn', 'error'] as const satisfies readonly LogLevel[];
export const logLevelLabels: Record<LogLevel, string> = {
  debug: 'Debug',
  info: 'Info',
  warn: 'Warning',
  error: 'Error',
};

/** Each level's colour, at least 4.5:1 on white, for its text and its bars in the histogram. */
export const logLevelColours: Record<LogLevel, string> = {
  debug: 'var(--ab-ink-muted)',
  info: 'var(--ab-focus)',
  warn: 'var(--ab-warning)',
  error: 'var(--ab-danger)',
};
