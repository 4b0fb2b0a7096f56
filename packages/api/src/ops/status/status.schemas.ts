export const components = ['Operational DB', 'Customer DB', 'System DB', 'SMTP server'] as const;
export type Component = (typeof components)[number];

export interface ComponentStatus {
  component: Component;
  /** What it is and where, e.g. "PostgreSQL 127.0.0.1:5433" (never a password). */
  target: string;
  up: boolean;
  latencyMs: number | null;
  /** Why it is down, in words an operator can act on. */
  problem: string | null;
}
