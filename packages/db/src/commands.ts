/**
 * Every command the three stores send, as their drivers report it (the `mongodb` driver's command monitoring,
 * MikroORM's query hook for PostgreSQL), sorted into reads and writes: what the host's per-store counters count.
 */
import type { CommandStartedEvent } from 'mongodb';
import type { Stores } from './stores.ts';

export type StoreName = 'operational' | 'customer' | 'system';
/** `other`: what neither reads nor writes documents or rows (pings, handshakes, cursor clean-up, transactions). */
export type CommandKind = 'read' | 'write' | 'other';
export interface StoreCommand {
  store: StoreName;
  kind: CommandKind;
}

const mongoReads = new Set(['find', 'getMore', 'aggregate', 'count', 'distinct', 'listCollections', 'listIndexes']);
const mongoWrites = new Set([
  'insert',
  'update',
  'delete',
  'findAndModify',
  'create',
  'createIndexes',
  'drop',
  'dropDatabase',
  'dropIndexes',
]);
const mongoKind = (name: string): CommandKind =>
  mongoReads.has(name) ? 'read' : mongoWrites.has(name) ? 'write' : 'other';

/** The statement's verb (after any `with …` prelude's first word): select reads, insert/update/delete/merge write. */
function sqlKind(sql: string): CommandKind {
  const verb = /^\s*\(?\s*(\w+)/.exec(sql)?.[1]?.toLowerCase();
  if (verb === 'select' || verb === 'show') return 'read';
  if (verb === 'insert' || verb === 'update' || verb === 'delete' || verb === 'merge') return 'write';
  // A CTE reads unless one of its parts changes rows.
  if (verb === 'with') return /\b(insert|update|delete)\b/i.test(sql) ? 'write' : 'read';
  return 'other';
}

/**
 * Calls `onCommand` for each command as it is sent, in the async context of the code that sent it (so the caller
 * can attribute it to a request). The Mongo stores must have been opened with command monitoring (openMongoStore).
 */
export function watchCommands(stores: Stores, onCommand: (command: StoreCommand) => void): void {
  for (const store of ['customer', 'system'] as const) {
    stores[store].em
      .getConnection()
      .getClient()
      .on('commandStarted', (event: CommandStartedEvent) => onCommand({ store, kind: mongoKind(event.commandName) }));
  }
  const config = stores.operational.config;
  const before = config.get('onQuery');
  config.set('onQuery', (sql: string, params: readonly unknown[]) => {
    onCommand({ store: 'operational', kind: sqlKind(sql) });
    return before(sql, params);
  });
}
