/**
 * FerretDB 1.24, the MongoDB-protocol server used where MongoDB itself cannot be installed. It is built
 * once from the Go module proxy (see ferretdb/main.go) into .tools/ and runs as a child process.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { loadEmbeddedServicesConfig } from '@astro/config';
import type { RunningService } from './index.ts';

const source = fileURLToPath(new URL('./ferretdb/', import.meta.url));
const binary = fileURLToPath(new URL('../../.tools/ferretdb', import.meta.url));

function goCommand(): string {
  for (const candidate of [process.env['GO'], '/usr/local/go/bin/go'])
    if (candidate && existsSync(candidate)) return candidate;
  return 'go';
}

export async function ensureFerretDbBinary(): Promise<string> {
  const sources = readdirSync(source).filter((file) => /^go\.(mod|sum)$|(?<!_test)\.go$/.test(file));
  const newest = Math.max(...sources.map((file) => statSync(`${source}${file}`).mtimeMs));
  if (existsSync(binary) && statSync(binary).mtimeMs >= newest) return binary;
  console.log('Building FerretDB (once; about a minute) ...');
  try {
    await promisify(execFile)(goCommand(), ['build', '-o', binary, '.'], {
      cwd: source,
      env: { ...process.env, CGO_ENABLED: '0' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(
      `Could not build FerretDB with Go (${goCommand()}). Install Go 1.24+ or set MONGO_URL to a MongoDB server.\n${String(error)}`,
    );
  }
  return binary;
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * FerretDB 1.24 on PostgreSQL looks a document up with `_jsonb->'_id' @> '"…"'`, which the btree indexes it
 * creates cannot answer, so every lookup or delete by `_id` read the whole table (30 ms at 40,000 sync messages).
 * A GIN index on that expression answers it (1–2 ms). An event trigger gives one to every table FerretDB
 * creates, and the tables it already has get theirs here; FerretDB does not list them as indexes of its own.
 * The same holds for any other field FerretDB compares in SQL (a plain top-level equality: `{ correlationId: … }`):
 * each field of an index FerretDB creates (a btree on `_jsonb -> 'field'`) gets a GIN twin, so such a lookup reads
 * the matching documents only (3–10 ms at 100,000 log lines, where reading them all took over 9 s).
 */
async function indexDocumentKeys(postgresUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(`
      create or replace function astro_index_document_key(target oid) returns void language plpgsql as $$
      begin
        if exists (select 1 from pg_attribute where attrelid = target and attname = '_jsonb' and not attisdropped) then
          execute format('create index if not exists %I on %s using gin ((_jsonb -> ''_id''))',
            left((select relname from pg_class where oid = target), 54) || '_key_gin', target::regclass);
        end if;
      end $$;
      create or replace function astro_index_document_fields(target oid) returns void language plpgsql as $$
      declare
        tbl regclass;
        field text;
      begin
        select i.indrelid::regclass into tbl from pg_index i join pg_class c on c.oid = i.indexrelid
          join pg_am a on a.oid = c.relam where i.indexrelid = target and a.amname = 'btree';
        if tbl is null then return; end if;
        for field in select (regexp_match(pg_get_indexdef(target, k, false), '^[(]*_jsonb -> ''([A-Za-z0-9_]+)''::text[)]*$'))[1]
            from generate_series(1, (select indnatts from pg_index where indexrelid = target)) k loop
          if field is not null and field <> '_id' then
            execute format('create index if not exists %I on %s using gin ((_jsonb -> %L))',
              left((select relname from pg_class where oid = tbl), 40) || '_' || left(field, 18) || '_gin', tbl, field);
          end if;
        end loop;
      end $$;
      create or replace function astro_index_new_document_keys() returns event_trigger language plpgsql as $$
      declare created record;
      begin
        for created in select objid, command_tag from pg_event_trigger_ddl_commands() loop
          if created.command_tag = 'CREATE TABLE' then
            perform astro_index_document_key(created.objid);
          elsif created.command_tag = 'CREATE INDEX' then
            perform astro_index_document_fields(created.objid);
          end if;
        end loop;
      end $$;
      drop event trigger if exists astro_index_new_document_keys;
      create event trigger astro_index_new_document_keys on ddl_command_end when tag in ('CREATE TABLE', 'CREATE INDEX')
        execute function astro_index_new_document_keys();
      select astro_index_document_key(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema');
      select astro_index_document_fields(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace where n.nspname not in ('pg_catalog', 'information_schema');
    `);
  } finally {
    await client.end();
  }
}

const children = new Set<ChildProcess>();
// A FerretDB must never outlive the process that started it.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/**
 * Starts FerretDB on PostgreSQL when given one (`postgresUrl`), else on SQLite files in `dataDir`. On
 * PostgreSQL it answers queries on any field in SQL; on SQLite only a bare `_id` lookup avoids reading the
 * whole collection, which grows slow with thousands of documents.
 */
export async function startFerretDb(options: {
  dataDir: string;
  port: number;
  postgresUrl?: string;
  /** How long a client waits for a write (gate.go); FERRETDB_WRITE_TIMEOUT_MS, 10 s, by default. */
  writeTimeoutMs?: number;
}): Promise<RunningService & { url: string }> {
  const writeTimeoutMs = options.writeTimeoutMs ?? loadEmbeddedServicesConfig(process.env).ferretDbWriteTimeoutMs;
  const executable = await ensureFerretDbBinary();
  if (options.postgresUrl) await indexDocumentKeys(options.postgresUrl);
  await mkdir(options.dataDir, { recursive: true });
  const child = spawn(
    executable,
    [
      `-listen-addr=127.0.0.1:${options.port}`,
      ...(options.postgresUrl
        ? ['-handler=postgresql', `-postgresql-url=${options.postgresUrl}`]
        : ['-handler=sqlite', `-sqlite-url=file:${options.dataDir}/`]),
      '-log-level=warn',
      `-write-timeout=${writeTimeoutMs}ms`,
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => children.delete(child));

  const deadline = Date.now() + 15_000;
  while (!(await acceptsConnections(options.port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`FerretDB did not start on port ${options.port}:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    name: 'FerretDB',
    url: `mongodb://127.0.0.1:${options.port}/`,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
