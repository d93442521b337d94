import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TmSettings } from './settings.js';
import { LocflowError } from '../errors.js';
import { insideProject } from '../io/files.js';
import type { Migration, TranslationMemory } from './memory.js';

/**
 * Where the memory is: LOCFLOW_TM_URL, else `tm.url` in the configuration, else the project's
 * SQLite file at `tm.path`. `sqlite:PATH` names a SQLite file (relative to the project);
 * `postgres://user:password@host:port/database` (or postgresql://) a PostgreSQL database.
 */
export type MemoryPlace =
  | { readonly store: 'sqlite'; readonly path: string; readonly shown: string }
  | { readonly store: 'postgres'; readonly url: string; readonly shown: string };

export function memoryPlace(root: string, tm: TmSettings, env: NodeJS.ProcessEnv = process.env): MemoryPlace {
  const fromEnv = env.LOCFLOW_TM_URL?.trim();
  const url = fromEnv || tm.url;
  const key = fromEnv ? 'LOCFLOW_TM_URL' : 'tm.url';
  if (url === undefined) {
    const path = insideProject(root, tm.path, 'tm.path');
    return { store: 'sqlite', path, shown: tm.path };
  }
  if (/^postgres(?:ql)?:\/\//iu.test(url)) {
    let shown: string;
    try {
      shown = withoutPassword(url);
    } catch {
      throw new LocflowError(`${key} is not a valid URL: ${redactAll(url)}`, {
        hint: 'write it as postgres://user@host:port/database',
      });
    }
    return { store: 'postgres', url, shown };
  }
  const sqlite = /^sqlite:(.+)$/iu.exec(url);
  if (sqlite) return { store: 'sqlite', path: resolve(root, sqlite[1]!), shown: url };
  throw new LocflowError(`${key} must be sqlite:PATH or postgres://…, not "${redactAll(url)}"`, {
    hint: 'for example sqlite:tm/project.db or postgres://translator@db.example.org:5432/newsroom',
  });
}

/** The URL as messages may show it: no password, in the user part or in the query string. */
export function withoutPassword(url: string): string {
  const u = new URL(url);
  u.password = '';
  for (const k of [...u.searchParams.keys()]) if (/pass/iu.test(k)) u.searchParams.delete(k);
  return u.toString();
}

/** A string that failed to parse as a URL, with anything between "://" and "@" hidden. */
function redactAll(url: string): string {
  return url.replace(/\/\/[^@/]*@/u, '//…@');
}

/**
 * Opens the memory at `place` and brings its schema up to date; a SQLite file that does not exist
 * yet is created only when `create` is true (else null: the project has no memory).
 */
export async function openStore(
  place: MemoryPlace,
  create: boolean,
): Promise<(TranslationMemory & { readonly migration: Migration }) | null> {
  if (place.store === 'postgres') {
    const { PostgresMemory } = await import('./postgres.js');
    return PostgresMemory.open(place.url, place.shown);
  }
  if (!create && !existsSync(place.path)) return null;
  const { SqliteMemory } = await import('./sqlite.js');
  return new SqliteMemory(place.path);
}
